"""Decision flows: ``data/flows/<id>.yml``.

- ``model``: a flow file, its versions, nodes and answers (and the calendar file's model).
- ``logic``: flows as pure logic (next node, every path, graph rules, deadlines); ``FLOWS``.
- ``diagram`` and ``diagram_check``: the SVG drawn by Graphviz at build time, and a check of it as drawn.
- ``pages`` and ``versions``: the flow page (``flow.js``), the list, and each past version.
- ``kind``: the kind (files, rules, lock records, pages, search entries).
"""
