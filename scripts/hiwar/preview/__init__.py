"""The live preview (`make serve`, python -m hiwar serve): the site as `make build` makes it, served on this machine
while the inputs are edited.

Each save rebuilds in one process that keeps what the last build made (the engine's plugin keeps the site's build;
pages and outputs whose inputs did not change are neither rendered nor made again; the editions after the first are
built at once in processes forked from it, which hand back what they made), and the site's tree (path ->
blob) is swapped in whole when the rebuild ends: a reader never gets a half-rebuilt site. Pages are served from the
build's store (outputs/store.py), exactly the bytes `make build` publishes in site/, with three differences:
- every HTML response gets one script element, the live reload (a file of the site's origin, which the pages'
  Content-Security-Policy allows), inserted as it is served;
- the web app is not made (no service worker, app manifests or their file lists, no `_headers`): a service worker
  would keep serving the pages it cached instead of the edited ones;
- while an input has a problem, every page shows it in a banner (a build stops instead).
"""
