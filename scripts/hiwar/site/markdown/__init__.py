"""The site's own Python-Markdown extension (registered in mkdocs.yml): what no extension of Python-Markdown or
pymdown-extensions does."""
