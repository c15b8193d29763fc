// Command pack builds Parc's release artefacts from already built binaries:
// .deb and .rpm packages through nfpm (used as a library), the Windows MSI
// through wixl, Authenticode signatures through osslsigncode, and CycloneDX
// SBOMs from the binaries' embedded build information. scripts/dist.sh
// (`make dist`) drives it; it needs no network.
//
// It is its own Go module so that nfpm's dependencies stay out of the
// agent's and the collector's module graph.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `Usage: pack COMMAND [flags]

Commands:
  nfpm     build a .deb or .rpm from an nfpm configuration
  msi      build the agent's MSI with wixl (signed when SIGN_CERT and SIGN_KEY are set)
  sign     sign a Windows executable or MSI in place with osslsigncode
  sbom     write a CycloneDX JSON SBOM of Go binaries
  version  print the package version (deb, rpm) or MSI version of a git version

Run 'pack COMMAND -h' for the flags of a command.
`

var errUsage = errors.New("usage")

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) && !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "pack: %v\n", err)
		}
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) error{
		"nfpm":    cmdNfpm,
		"msi":     cmdMSI,
		"sign":    cmdSign,
		"sbom":    cmdSBOM,
		"version": cmdVersion,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "pack: unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
	return cmd(args[1:], stdout, stderr)
}

// newFlags returns a flag set that prints its usage on stderr.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: pack %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// required reports the first empty flag among names.
func required(fs *flag.FlagSet, names ...string) error {
	for _, n := range names {
		if fs.Lookup(n).Value.String() == "" {
			fs.Usage()
			return fmt.Errorf("%w: -%s is required", errUsage, n)
		}
	}
	return nil
}
