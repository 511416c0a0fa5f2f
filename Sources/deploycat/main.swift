import DeployCatCLI

DeployCat.main()
