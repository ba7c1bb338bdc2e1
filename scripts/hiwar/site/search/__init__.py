"""Search as a component: the plugin makes SearchDocuments, makes the index with index_files, adds the
files of search_assets() to each edition and renders overrides/partials/hiwar-search.html with the
context of search_context(lang). The query module is the only code that reads the index."""

from hiwar.site.search.assets import search_assets, search_context
from hiwar.site.search.document import SearchDocument
from hiwar.site.search.index import IndexStats, TermCache, index_files

__all__ = ["SearchDocument", "IndexStats", "TermCache", "index_files", "search_assets", "search_context"]
