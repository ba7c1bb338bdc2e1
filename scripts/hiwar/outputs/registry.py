"""Every output of a build, in the order they are made: a new output is one module and one line here."""
from __future__ import annotations

from hiwar.outputs.archive import OfflineZip
from hiwar.outputs.contract import Output, Scope, Target
from hiwar.outputs.offline import OfflineEdition
from hiwar.outputs.web import CitationCollection, CitationFiles, Feeds, SearchIndex, Sitemap
from hiwar.outputs.zim import KiwixEditions

OUTPUTS: tuple[type[Output], ...] = (
    Feeds,  # per edition
    CitationFiles,  # per edition
    CitationCollection,
    Sitemap,
    SearchIndex,
    OfflineEdition,  # from the whole site
    OfflineZip,  # from the offline edition
    KiwixEditions,  # from the offline edition: a ZIM file per edition
)


def outputs_of(scope: Scope, target: Target | None = None) -> list[Output]:
    return [output() for output in OUTPUTS if output.scope is scope and (target is None or output.target is target)]
