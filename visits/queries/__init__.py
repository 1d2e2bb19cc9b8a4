"""Reads, one module per subject, for the pages, the API, the feeds and the messages: every read
of what a viewer may see starts from the visibility door (`door.may_see` for one record). The
rules that reads and writes share (the clash rule, what feeds still show) are here too, and the
services import them; queries never write and import no service (`make lint` checks)."""
