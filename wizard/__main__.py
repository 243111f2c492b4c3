"""`python -m wizard`: the command line lives in wizard/cli/main.py."""

from wizard.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
