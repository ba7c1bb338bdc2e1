"""One build of the whole site, independent of the engine that renders pages: the conversion, the plan of each
edition's pages, the editions' builds and the outputs made from them (engine/ is the only part that knows MkDocs)."""
