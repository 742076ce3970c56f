"""Allow ``python -m dprk_it_tutor``."""

import sys

from dprk_it_tutor.cli import main

sys.exit(main())
