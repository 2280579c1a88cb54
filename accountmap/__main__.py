from accountmap.cli import main

raise SystemExit(main())
