"""The project's own tools, outside the plugin package: make bench, bench-search, bench-summary and audit; ROUGE;
synthetic archives; the test browser's path and flags."""
