"""Learning from meetings: which card the adviser chose after a question, kept on this laptop
only (setting `keuzes_bijhouden`), and turned by `briefing learn` into `varianten` of the chosen
card's question.

- `store`: the local JSON store of choices (limits, atomic writes, a corrupt file moved aside).
- `recorder`: turns a copy or pin in the live desk into choices to store (no Textual here; the
  app passes its conversation in).
- `proposals`: choices -> proposed variants, deduplicated and checked against the knowledge base.
- `yamledit`: writes a variant into a dossier file by inserting lines; every other byte stays.
- `apply`: the write side of `briefing learn --apply` (hashes, atomic write, refusals).
"""
