package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb" // registers the deb packager
	_ "github.com/goreleaser/nfpm/v2/rpm" // registers the rpm packager
)

func cmdNfpm(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("nfpm", "-config FILE -packager deb|rpm -arch ARCH -version V -bin FILE -out DIR", stderr)
	config := fs.String("config", "", "nfpm YAML configuration (paths in it are relative to the working directory)")
	packager := fs.String("packager", "", "deb or rpm")
	arch := fs.String("arch", "", "Go architecture: amd64 or arm64")
	version := fs.String("version", "", "git version (git describe), turned into a package version")
	bin := fs.String("bin", "", "the binary to package, for ARCH")
	out := fs.String("out", "", "output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "config", "packager", "arch", "version", "bin", "out"); err != nil {
		return err
	}
	path, err := buildPackage(*config, *packager, *arch, *version, *bin, *out)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

// buildPackage writes one package into outDir and returns its path, named
// the distribution's way (parc-agent_1.2.3_amd64.deb,
// parc-agent-1.2.3-1.x86_64.rpm).
func buildPackage(config, packager, arch, gitVersion, bin, outDir string) (string, error) {
	version, err := pkgVersion(gitVersion)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("binary: %w", err)
	}
	vars := map[string]string{"VERSION": version, "ARCH": arch, "BIN": bin}
	cfg, err := nfpm.ParseFileWithEnvMapping(config, func(k string) string { return vars[k] })
	if err != nil {
		return "", fmt.Errorf("%s: %w", config, err)
	}
	info, err := cfg.Get(packager)
	if err != nil {
		return "", fmt.Errorf("%s: %w", config, err)
	}
	info = nfpm.WithDefaults(info)
	info.MTime = buildTime()
	p, err := nfpm.Get(packager)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	target := filepath.Join(outDir, p.ConventionalFileName(info))
	info.Target = target
	f, err := os.Create(target)
	if err != nil {
		return "", err
	}
	if err := p.Package(info, f); err != nil {
		f.Close()
		os.Remove(target)
		return "", fmt.Errorf("%s %s: %w", packager, info.Name, err)
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return target, nil
}

// buildTime is SOURCE_DATE_EPOCH when set (reproducible builds), else now.
func buildTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC().Truncate(time.Second)
}
