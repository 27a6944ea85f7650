from licensecheck.cli.app import main

main()
