"""All ORM models on one MetaData, so Alembic sees every table and relations never cycle."""

from adplane.models.accounts import AccessToken, Account, ApiKey, Transaction, User
from adplane.models.base import Base
from adplane.models.billing import SpendPosting
from adplane.models.campaigns import (
    Campaign,
    CampaignChange,
    CampaignExtension,
    CampaignRestriction,
    CampaignSegment,
    CampaignSpotPrice,
)
from adplane.models.catalogues import RejectReason, Restriction, Segment
from adplane.models.creatives import CampaignCreative, Creative, CreativeMediaUse
from adplane.models.filterlists import CampaignFilterList, FilterList, FilterListItem
from adplane.models.inventory import AdFormat, Site, Spot
from adplane.models.media import MediaAsset
from adplane.models.rules import CampaignRule, Rule, RuleFiring
from adplane.models.targeting import TargetingValue
from adplane.models.tracker import TrackerSettings

__all__ = [
    "AccessToken",
    "Account",
    "AdFormat",
    "ApiKey",
    "Base",
    "Campaign",
    "CampaignChange",
    "CampaignCreative",
    "CampaignExtension",
    "CampaignFilterList",
    "CampaignRestriction",
    "CampaignRule",
    "CampaignSegment",
    "CampaignSpotPrice",
    "Creative",
    "CreativeMediaUse",
    "FilterList",
    "FilterListItem",
    "MediaAsset",
    "RejectReason",
    "Restriction",
    "Rule",
    "RuleFiring",
    "Segment",
    "Site",
    "SpendPosting",
    "Spot",
    "TargetingValue",
    "TrackerSettings",
    "Transaction",
    "User",
]
