"""Every output of a build, in the order they are made: a new output is one module and one line here."""

from __future__ import annotations

from hiwar.outputs.archive import OfflineZip
from hiwar.outputs.books import EditionBook
from hiwar.outputs.contract import Moment, Output, Scope, Target
from hiwar.outputs.offline import OfflineEdition
from hiwar.outputs.web import CitationCollection, CitationFiles, Feeds, SearchIndex, Sitemap
from hiwar.outputs.webapp import WebApp
from hiwar.outputs.zim import KiwixEditions

OUTPUTS: tuple[type[Output], ...] = (
    EditionBook,  # per edition, before its pages (they offer it with its size)
    Feeds,  # per edition
    CitationFiles,  # per edition
    CitationCollection,
    Sitemap,
    SearchIndex,
    WebApp,  # lists and describes every other file of the site: after them
    OfflineEdition,  # from the whole site
    OfflineZip,  # from the offline edition
    KiwixEditions,  # from the offline edition: a ZIM file per edition
)


def outputs_of(scope: Scope, target: Target | None = None, moment: Moment = Moment.AFTER_PAGES) -> list[Output]:
    return [
        output()
        for output in OUTPUTS
        if output.scope is scope and output.moment is moment and (target is None or output.target is target)
    ]
