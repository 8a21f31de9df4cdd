from editflow.cli import main

main()
