"""The Textual layer: the live answer desk. Start it with `briefing` (see factory.make_app)."""
