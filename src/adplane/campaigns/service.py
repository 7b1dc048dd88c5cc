"""Campaign use cases: the one facade every API surface calls.

The rules live in modules split by concern, and this module re-exports their public use
cases so callers keep ``from adplane.campaigns import service as campaign_service``:

- ``views``: rows -> core views with derived state, tenancy (``load``), lists, counters;
- ``validation``: rules across fields and against the database, and ``submittable``;
- ``lifecycle``: create, update, clone, transitions, bulk actions, review;
- ``spot_prices``: per-spot bids;
- ``history``: the change log;
- ``extensions``: dialects' documents of their vendor-only fields (``Extension``,
  ``extension_of``), stored by ``create``, ``update`` and ``clone``.
"""

from __future__ import annotations

from adplane.campaigns.extensions import Extension as Extension
from adplane.campaigns.extensions import extension_of as extension_of
from adplane.campaigns.extensions import from_native as from_native
from adplane.campaigns.history import history as history
from adplane.campaigns.lifecycle import BULK_TRANSITIONS as BULK_TRANSITIONS
from adplane.campaigns.lifecycle import TRANSITIONS as TRANSITIONS
from adplane.campaigns.lifecycle import BulkAction as BulkAction
from adplane.campaigns.lifecycle import approve as approve
from adplane.campaigns.lifecycle import archive as archive
from adplane.campaigns.lifecycle import bulk as bulk
from adplane.campaigns.lifecycle import change_targeting_ids as change_targeting_ids
from adplane.campaigns.lifecycle import clone as clone
from adplane.campaigns.lifecycle import create as create
from adplane.campaigns.lifecycle import pause as pause
from adplane.campaigns.lifecycle import reject as reject
from adplane.campaigns.lifecycle import restore as restore
from adplane.campaigns.lifecycle import review as review
from adplane.campaigns.lifecycle import run as run
from adplane.campaigns.lifecycle import submit as submit
from adplane.campaigns.lifecycle import transition as transition
from adplane.campaigns.lifecycle import update as update
from adplane.campaigns.queries import CampaignFilter as CampaignFilter
from adplane.campaigns.spot_prices import delete_spot_price as delete_spot_price
from adplane.campaigns.spot_prices import get_spot_price as get_spot_price
from adplane.campaigns.spot_prices import list_spot_prices as list_spot_prices
from adplane.campaigns.spot_prices import set_spot_price as set_spot_price
from adplane.campaigns.spot_prices import spot_prices_for_campaigns as spot_prices_for_campaigns
from adplane.campaigns.sweeps import sweep_states as sweep_states
from adplane.campaigns.validation import BANNER_PLACEMENTS as BANNER_PLACEMENTS
from adplane.campaigns.validation import submittable as submittable
from adplane.campaigns.views import FIELD_NAMES as FIELD_NAMES
from adplane.campaigns.views import account_ids_for as account_ids_for
from adplane.campaigns.views import account_of as account_of
from adplane.campaigns.views import all_account_ids as all_account_ids
from adplane.campaigns.views import fields_of as fields_of
from adplane.campaigns.views import get as get
from adplane.campaigns.views import get_by_uuid as get_by_uuid
from adplane.campaigns.views import id_for_uuid as id_for_uuid
from adplane.campaigns.views import list_campaigns as list_campaigns
from adplane.campaigns.views import list_for_generation as list_for_generation
from adplane.campaigns.views import list_live as list_live
from adplane.campaigns.views import load_fields as load_fields
from adplane.campaigns.views import spend_since as spend_since
from adplane.campaigns.views import spot_price_counts as spot_price_counts
from adplane.campaigns.views import state_from_view as state_from_view
from adplane.campaigns.views import state_of as state_of
from adplane.campaigns.views import views as views
from adplane.campaigns.views import visible_account_ids as visible_account_ids
