from guidance.cli import main

main()
