"""`python -m sparring` runs the command line."""

from sparring.cli.main import main

raise SystemExit(main())
