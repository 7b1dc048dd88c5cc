"""SmartyAds wire <-> core, both directions. All SmartyAds vocabulary lives here.

Targeting values are stored as the core's catalogue codes (``adplane.targeting``); SmartyAds
prints them in its own spellings: "Android 8.0" is the OS family ``android`` with the version
``android 8.0`` (kept in ``targeting.os_versions``), ``cellular_all`` is the connection type
``cellular``, "Mozilla" is the browser ``firefox``, carriers print by their catalogue name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import Field, ValidationError

from adplane.campaigns.schemas import (
    Campaign,
    CampaignFields,
    CodeList,
    CreativeType,
    PricingModel,
    Targeting,
    TargetList,
)
from adplane.campaigns.service import Extension, extension_of, state_from_view
from adplane.campaigns.state import Approval, StopReason
from adplane.dialects.smartyads import wire
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.time import as_utc
from adplane.kit.validation import field_errors
from adplane.targeting.catalogue import Catalogue, Dimension


class SmartyAdsExtras(Extension):
    """The campaign fields only SmartyAds has (the core's extension document)."""

    dialect: ClassVar[str] = "smartyads"
    use_cpm: bool = False
    analytics_tracking_code: str | None = Field(default=None, max_length=255)


def extras_of(body: wire.CampaignInput) -> list[Extension]:
    """The extension document fields the request sent (none: the stored ones stay)."""
    sent = body.model_fields_set
    values: dict[str, Any] = {}
    if "useCpm" in sent and body.useCpm is not None:
        values["use_cpm"] = body.useCpm
    if "googleAnalyticsTrackingCode" in sent:
        values["analytics_tracking_code"] = body.googleAnalyticsTrackingCode or None
    return [SmartyAdsExtras(**values)] if values else []


# --- vocabularies --------------------------------------------------------------------------

# The document's OS names ("Request validation list") -> catalogue OS codes, and back.
OS_FAMILIES: dict[str, str] = {
    "Android": "android",
    "iOS": "ios",
    "Mac OS": "macos",
    "BlackBerry": "blackberry",
    "Linux": "linux",
    "Windows": "windows",
    "Windows Mobile": "windows_phone",
    "Symbian": "symbian",
}
_OS_NAMES = {code: name for name, code in OS_FAMILIES.items()}
# "Android 8.0", "Mac OS 10.15", "Windows 8.1": a family, a space, a dotted version.
_OS_VERSION = re.compile(r"^(?P<family>.*?)\s+(?P<version>\d+(?:\.\d+)*)$")

BROWSERS: dict[str, str] = {
    "Chrome": "chrome",
    "Edge": "edge",
    "IE": "ie",
    "Safari": "safari",
    "Mozilla": "firefox",
    "Opera": "opera",
    "UCBrowser": "uc_browser",
    "Yandex": "yandex_browser",
}
_BROWSER_NAMES = {code: name for name, code in BROWSERS.items()}

# SmartyAds' "all cellular generations" is OpenRTB's cellular of unknown generation.
CONNECTION_TYPES: dict[str, str] = {"cellular_all": "cellular"}
_CONNECTION_NAMES = {code: name for name, code in CONNECTION_TYPES.items()}

BUDGET_USE: dict[str, str] = {"pacer": "even", "fast": "asap"}
_BUDGET_USE_NAMES = {core: name for name, core in BUDGET_USE.items()}

# Wire field -> the core field it sets (for error messages that name core fields).
_WIRE_OF_CORE: dict[str, str] = {
    "name": "name",
    "creative_type": "type",
    "is_rewarded": "isRewarded",
    "advertiser_domain": "aDomain",
    "start_at": "dateStart",
    "end_at": "dateEnd",
    "targeting.countries": "geoCountries",
    "targeting.regions": "geoRegions",
    "targeting.cities": "geoCities",
    "targeting.categories": "contentCategories",
    "targeting.age_min": "userAgeMin",
    "targeting.age_max": "userAgeMax",
    "targeting.connection_types": "connectionTypes",
    "targeting.clicked_inventory_categories": "clickedInventoryCategories",
    "targeting.carriers": "deviceCarrier",
    "targeting.oses": "OS",
    "targeting.os_versions": "OS",
    "targeting.browsers": "browser",
    "targeting.languages": "deviceLanguage",
    "targeting.dynamic": "dynamicTargeting",
    "targeting.subscription_ages": "subscriptionAge",
    "targeting.pretarget": "pretarget",
    "daily_budget": "spentDailyLimit",
    "total_budget": "spentTotalLimit",
    "daily_impressions_cap": "impressionsDailyLimit",
    "total_impressions_cap": "impressionsTotalLimit",
    "daily_clicks_cap": "clicksDailyLimit",
    "total_clicks_cap": "clicksTotalLimit",
    "pacing": "budgetUse",
    "pricing_model": "pricingModel",
    "bid_price": "cpm",
    "adaptive_bid": "adaptiveCpm",
    "destination_url": "landingPageUrl",
    "extensions.smartyads.analytics_tracking_code": "googleAnalyticsTrackingCode",
    "frequency_type": "frequencyType",
    "frequency_enabled": "frequency",
    "frequency_cap": "frequencyCap",
    "frequency_period": "frequencyPeriod",
}


def wire_field(field: str) -> str:
    """The SmartyAds name of a core field path (``targeting.oses.include.0`` -> ``OS.0``)."""
    for core, name in sorted(_WIRE_OF_CORE.items(), key=lambda item: -len(item[0])):
        if field == core or field.startswith(core + "."):
            rest = field[len(core) :].removeprefix(".")
            rest = re.sub(r"^(include|exclude)\.?", "", rest)
            return f"{name}.{rest}" if rest else name
    return field


def _failed(errors: list[FieldError]) -> ValidationFailed:
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


# --- dates ---------------------------------------------------------------------------------


def parse_day(raw: str, field: str) -> date:
    try:
        return date.fromisoformat(raw.strip()[:10]) if len(raw.strip()) >= 10 else _bad_day(field)
    except ValueError:
        return _bad_day(field)


def _bad_day(field: str) -> date:
    raise ValidationFailed.field(field, "must be a date as yyyy-mm-dd")


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def day_end(day: date) -> datetime:
    """The last second of a day: a campaign runs through its end date."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def print_day(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).date().isoformat()


# --- request -> core -----------------------------------------------------------------------


def _codes(
    values: Iterable[str],
    dimension: Dimension,
    catalogue: Catalogue,
    field: str,
    spellings: dict[str, str] | None = None,
) -> tuple[list[str], list[FieldError]]:
    codes: list[str] = []
    errors: list[FieldError] = []
    for index, value in enumerate(values):
        code = (spellings or {}).get(value)
        if code is None:
            entry = catalogue.resolve(dimension, value)
            code = entry.code if entry is not None else None
        if code is None:
            errors.append(FieldError(f"{field}.{index}", f"{value!r} is not a known value"))
        elif code not in codes:
            codes.append(code)
    return codes, errors


def _split(codes: list[str], include: bool | None) -> CodeList:
    return CodeList(exclude=codes) if include is False else CodeList(include=codes)


def _split_free(values: list[str], include: bool | None) -> TargetList:
    return TargetList(exclude=list(values)) if include is False else TargetList(include=values)


def _oses(values: list[str], catalogue: Catalogue) -> tuple[list[str], list[str], list[FieldError]]:
    families: list[str] = []
    versions: list[str] = []
    errors: list[FieldError] = []
    for index, value in enumerate(values):
        text = value.strip()
        family, version = text, None
        match = _OS_VERSION.match(text)
        if match and text not in OS_FAMILIES:
            family, version = match.group("family"), match.group("version")
        code = OS_FAMILIES.get(family)
        if code is None:
            entry = catalogue.resolve(Dimension.OSES, family)
            code = entry.code if entry is not None else None
        if code is None:
            errors.append(FieldError(f"OS.{index}", f"{value!r} is not a known OS"))
            continue
        if code not in families:
            families.append(code)
        if version is not None and f"{code} {version}" not in versions:
            versions.append(f"{code} {version}")
    return families, versions, errors


def _include_flag(body: wire.CampaignInput, name: str, current: bool) -> bool:
    sent: bool | None = getattr(body, name)
    return current if sent is None else sent


def _list_is_include(codes: CodeList | TargetList) -> bool:
    return not codes.exclude


def _money_or_none(value: Decimal | None) -> Decimal | None:
    """0 is "no limit" for SmartyAds' spend limits."""
    return value if value else None


def _count_or_none(value: int | None) -> int | None:
    return value if value else None


# SmartyAds buys by campaign type and has no hours targeting: a campaign of a type serves the
# network's format of that kind, at every hour (what ``validation.submittable`` asks of a
# network campaign before it is approved or run). Audio has no network format.
FORMAT_KIND_OF_TYPE: dict[str, str] = {"banner": "banner", "native": "native", "video": "video"}
ALL_HOURS = "1" * 168


def format_kind(body: wire.CampaignInput, current: Campaign | None) -> str | None:
    """The network format kind the campaign should serve, when it must be (re)chosen."""
    if "type" in body.model_fields_set and body.type is not None:
        return FORMAT_KIND_OF_TYPE.get(body.type)
    if current is not None and current.format_id is None and current.creative_type is not None:
        return FORMAT_KIND_OF_TYPE.get(current.creative_type.value)
    return None


def to_core(
    body: wire.CampaignInput, *, current: Campaign | None, catalogue: Catalogue
) -> CampaignFields:
    """The fields the request sent, in core terms (unsent fields stay unset)."""
    sent = body.model_fields_set
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    targeting = (current.targeting if current else Targeting()).model_copy(deep=True)
    t: dict[str, Any] = {}

    if "name" in sent:
        values["name"] = body.name
    if "type" in sent and body.type is not None:
        values["creative_type"] = CreativeType(body.type)
    if "isRewarded" in sent and body.isRewarded is not None:
        values["is_rewarded"] = body.isRewarded
    if "aDomain" in sent:
        values["advertiser_domain"] = body.aDomain or None
    for wire_name, core_name, convert in (
        ("dateStart", "start_at", day_start),
        ("dateEnd", "end_at", day_end),
    ):
        if wire_name in sent:
            raw = getattr(body, wire_name)
            try:
                values[core_name] = None if not raw else convert(parse_day(raw, wire_name))
            except ValidationFailed as exc:
                errors.extend(exc.errors)
    for wire_name, flag in (
        ("isDesktopWeb", "desktop_web"),
        ("isMobileApp", "mobile_app"),
        ("isMobileWeb", "mobile_web"),
        ("isSmartphone", "smartphone"),
        ("isTablet", "tablet"),
        ("isCTV", "ctv"),
        ("isDOOH", "dooh"),
        ("allSources", "all_sources"),
        ("classicPush", "classic_push"),
        ("inPagePush", "in_page_push"),
    ):
        value = getattr(body, wire_name)
        if wire_name in sent and value is not None:
            t[flag] = value

    catalogued = (
        ("geoCountries", "geoCountriesIsInclude", "countries", Dimension.COUNTRIES, None),
        ("geoRegions", "geoRegionsIsInclude", "regions", Dimension.REGIONS, None),
        (
            "contentCategories",
            "contentCategoriesIsInclude",
            "categories",
            Dimension.CATEGORIES,
            None,
        ),
        ("deviceCarrier", "deviceCarrierIsInclude", "carriers", Dimension.CARRIERS, None),
        ("browser", "browserIsInclude", "browsers", Dimension.BROWSERS, BROWSERS),
        ("deviceLanguage", "deviceLanguageIsInclude", "languages", Dimension.LANGUAGES, None),
    )
    for list_name, flag_name, core_name, dimension, spellings in catalogued:
        if not {list_name, flag_name} & sent:
            continue
        stored: CodeList = getattr(targeting, core_name)
        include = _include_flag(body, flag_name, _list_is_include(stored))
        raw = getattr(body, list_name)
        if raw is None:
            codes = stored.include or stored.exclude
        else:
            codes, found = _codes(raw, dimension, catalogue, list_name, spellings)
            errors.extend(found)
        t[core_name] = _split(codes, include)
    if "connectionTypes" in sent:
        codes, found = _codes(
            body.connectionTypes or [],
            Dimension.CONNECTION_TYPES,
            catalogue,
            "connectionTypes",
            CONNECTION_TYPES,
        )
        errors.extend(found)
        t["connection_types"] = CodeList(include=codes)
    if {"geoCities", "geoCitiesIsInclude"} & sent:
        stored_free = targeting.cities
        include = _include_flag(body, "geoCitiesIsInclude", _list_is_include(stored_free))
        cities = body.geoCities
        if cities is None:
            cities = [str(v) for v in (stored_free.include or stored_free.exclude)]
        t["cities"] = _split_free(list(cities), include)
    if {"OS", "OSIsInclude"} & sent:
        include = _include_flag(body, "OSIsInclude", _list_is_include(targeting.oses))
        if body.OS is None:
            families = targeting.oses.include or targeting.oses.exclude
            versions = [str(v) for v in targeting.os_versions.include]
            versions += [str(v) for v in targeting.os_versions.exclude]
        else:
            families, versions, found = _oses(body.OS, catalogue)
            errors.extend(found)
        t["oses"] = _split(families, include)
        t["os_versions"] = _split_free(versions, include)
    for wire_name, core_name in (
        ("clickedInventoryCategories", "clicked_inventory_categories"),
        ("dynamicTargeting", "dynamic"),
        ("subscriptionAge", "subscription_ages"),
    ):
        if wire_name in sent:
            t[core_name] = TargetList(include=list(getattr(body, wire_name) or []))
    if "userAgeMin" in sent:
        t["age_min"] = body.userAgeMin
    if "userAgeMax" in sent:
        t["age_max"] = body.userAgeMax
    if "pretarget" in sent:
        t["pretarget"] = body.pretarget

    if "spentDailyLimit" in sent:
        values["daily_budget"] = _money_or_none(body.spentDailyLimit)
    if "spentTotalLimit" in sent:
        values["total_budget"] = _money_or_none(body.spentTotalLimit)
        # A total limit stops the campaign once spent; that is what the core's switch says.
        values["use_total_budget"] = values["total_budget"] is not None
    for wire_name, core_name in (
        ("impressionsDailyLimit", "daily_impressions_cap"),
        ("impressionsTotalLimit", "total_impressions_cap"),
        ("clicksDailyLimit", "daily_clicks_cap"),
        ("clicksTotalLimit", "total_clicks_cap"),
    ):
        if wire_name in sent:
            values[core_name] = _count_or_none(getattr(body, wire_name))
    if "budgetUse" in sent and body.budgetUse is not None:
        values["pacing"] = BUDGET_USE[body.budgetUse]
    if "pricingModel" in sent and body.pricingModel:
        try:
            values["pricing_model"] = PricingModel(body.pricingModel.lower())
        except ValueError:
            errors.append(FieldError("pricingModel", "must be one of CPM, CPC, CPA, CPI, CPV"))
    if "cpm" in sent:
        values["bid_price"] = body.cpm
    if "adaptiveCpm" in sent and body.adaptiveCpm is not None:
        values["adaptive_bid"] = body.adaptiveCpm
    if "landingPageUrl" in sent:
        values["destination_url"] = body.landingPageUrl or None
    if "frequency" in sent and body.frequency is not None:
        values["frequency_enabled"] = body.frequency
    if "frequencyType" in sent:
        values["frequency_type"] = body.frequencyType
    # 0 is how the document prints "no cap" (a new campaign answers 0 for both).
    if "frequencyCap" in sent:
        values["frequency_cap"] = body.frequencyCap or None
    if "frequencyPeriod" in sent:
        values["frequency_period"] = body.frequencyPeriod or None

    if errors:
        raise _failed(errors)
    if t:
        try:
            values["targeting"] = Targeting.model_validate({**targeting.model_dump(), **t})
        except ValidationError as exc:
            raise _failed([_prefixed("targeting", e) for e in field_errors(exc)]) from None
    try:
        return CampaignFields.model_validate(values)
    except ValidationError as exc:
        raise _failed(field_errors(exc)) from None


def _prefixed(prefix: str, error: FieldError) -> FieldError:
    return FieldError(f"{prefix}.{error.field}", error.message)


# --- core -> response ----------------------------------------------------------------------


def _number(value: Decimal | None) -> wire.Number:
    if value is None:
        return 0
    return int(value) if value == value.to_integral_value() else float(value)


def _optional_number(value: Decimal | None) -> wire.Number | None:
    return None if value is None else _number(value)


def _names(codes: Iterable[Any], dimension: Dimension, catalogue: Catalogue) -> list[str]:
    out = []
    for code in codes:
        entry = catalogue.by_code(dimension, str(code))
        out.append(str(code) if entry is None else entry.name)
    return out


def _os_names(view: Campaign) -> list[str]:
    oses = view.targeting.oses
    families = oses.include or oses.exclude
    versions = [str(v) for v in (view.targeting.os_versions.include or [])]
    versions += [str(v) for v in (view.targeting.os_versions.exclude or [])]
    out: list[str] = []
    for family in families:
        name = _OS_NAMES.get(family, family)
        mine = [v for v in versions if v.split(" ", 1)[0] == family]
        if not mine:
            out.append(name)
        out.extend(f"{name} {v.split(' ', 1)[1]}" for v in mine)
    return out


def extended_status(view: Campaign, now: datetime) -> str:
    """One line on why the campaign runs or not, most fundamental reason first."""
    state = state_from_view(view, now)
    if state.is_archived:
        return "Archived"
    if state.is_draft:
        return "Draft"
    if not state.is_active:
        return "Campaign is not active"
    if state.approval is Approval.REJECTED:
        return "Rejected"
    if state.approval is Approval.PENDING:
        return "Pending Approval"
    reasons = {
        StopReason.ENDED: "Finished",
        StopReason.TOTAL_BUDGET_REACHED: "Budget Reached",
        StopReason.NO_FUNDS: "Low Balance",
        StopReason.PERIOD_BUDGET_REACHED: "Budget Reached",
        StopReason.DAILY_BUDGET_REACHED: "Daily Limit Reached",
        StopReason.NOT_STARTED: "Scheduled",
    }
    reason = state.stop_reason
    return "Running" if reason is None else reasons[reason]


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).date().isoformat()


def render(view: Campaign, *, catalogue: Catalogue, now: datetime) -> wire.Campaign:
    """Render one core campaign as SmartyAds prints it (all 64 fields)."""
    t = view.targeting
    running = state_from_view(view, now).is_running
    extras = extension_of(view, SmartyAdsExtras)
    return wire.Campaign(
        id=view.id,
        userId=view.created_by_user_id or 0,
        isActive=view.is_active,
        isRunning=running,
        type=view.creative_type.value if view.creative_type else None,
        name=view.name or "",
        isRewarded=view.is_rewarded,
        isDesktopWeb=t.desktop_web,
        isMobileApp=t.mobile_app,
        isMobileWeb=t.mobile_web,
        isSmartphone=t.smartphone,
        isTablet=t.tablet,
        isCTV=t.ctv,
        isDOOH=t.dooh,
        aDomain=view.advertiser_domain,
        dateStart=print_day(view.start_at),
        dateEnd=print_day(view.end_at),
        geoCountries=list(t.countries.include or t.countries.exclude),
        geoCountriesIsInclude=_list_is_include(t.countries),
        geoRegions=list(t.regions.include or t.regions.exclude),
        geoRegionsIsInclude=_list_is_include(t.regions),
        geoCities=[str(v) for v in (t.cities.include or t.cities.exclude)],
        geoCitiesIsInclude=_list_is_include(t.cities),
        contentCategories=list(t.categories.include or t.categories.exclude),
        contentCategoriesIsInclude=_list_is_include(t.categories),
        userAgeMin=t.age_min or 0,
        userAgeMax=t.age_max or 0,
        connectionTypes=[_CONNECTION_NAMES.get(c, c) for c in t.connection_types.include],
        clickedInventoryCategories=[str(v) for v in t.clicked_inventory_categories.include],
        deviceCarrier=_names(
            t.carriers.include or t.carriers.exclude, Dimension.CARRIERS, catalogue
        ),
        deviceCarrierIsInclude=_list_is_include(t.carriers),
        OS=_os_names(view),
        OSIsInclude=_list_is_include(t.oses),
        browser=[_BROWSER_NAMES.get(c, c) for c in (t.browsers.include or t.browsers.exclude)],
        browserIsInclude=_list_is_include(t.browsers),
        deviceLanguage=list(t.languages.include or t.languages.exclude),
        deviceLanguageIsInclude=_list_is_include(t.languages),
        spentDailyLimit=_number(view.daily_budget),
        spentTotalLimit=_number(view.total_budget),
        impressionsDailyLimit=view.daily_impressions_cap or 0,
        impressionsTotalLimit=view.total_impressions_cap or 0,
        clicksDailyLimit=view.daily_clicks_cap or 0,
        clicksTotalLimit=view.total_clicks_cap or 0,
        budgetUse="fast" if view.pacing == "asap" else "pacer",
        allSources=t.all_sources,
        classicPush=t.classic_push,
        inPagePush=t.in_page_push,
        pricingModel=view.pricing_model.value.upper(),
        cpm=_optional_number(view.bid_price),
        adaptiveCpm=view.adaptive_bid,
        useCpm=extras.use_cpm,
        landingPageUrl=view.destination_url,
        googleAnalyticsTrackingCode=extras.analytics_tracking_code,
        dynamicTargeting=[str(v) for v in t.dynamic.include],
        subscriptionAge=[str(v) for v in t.subscription_ages.include],
        frequencyType=view.frequency_type,
        frequency=view.frequency_enabled,
        frequencyCap=view.frequency_cap or 0,
        frequencyPeriod=view.frequency_period or 0,
        extendedStatus=extended_status(view, now),
        createdAt=_stamp(view.created_at) or "",
        updatedAt=_stamp(view.updated_at) or "",
        deletedAt=_stamp(view.archived_at) if view.is_archived else None,
        pretarget=t.pretarget,
    )


def summary(campaign: wire.Campaign) -> wire.CampaignSummary:
    """The list's shorter object."""
    return wire.CampaignSummary.model_validate(
        campaign.model_dump(include=set(wire.CampaignSummary.model_fields))
    )
