"""Demo content for ``warta demo``: a realistic Indonesian newsroom, generated.

* ``vocabulary``: sections, reporters, names, places, credits;
* ``desks``: one module of story templates per section;
* ``stories``: the lazy, seeded stream of import records;
* ``slugs``: unique slugs for any number of records in fixed memory;
* ``reference``: the seed article from the product spec;
* ``images``: the shared pool of generated photos.
"""

from .images import ensure_image_pool, pool_names
from .stories import demo_records
from .vocabulary import REPORTERS, SECTIONS

__all__ = ["REPORTERS", "SECTIONS", "demo_records", "ensure_image_pool", "pool_names"]
