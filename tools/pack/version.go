package main

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// describeRe matches `git describe --tags --always --dirty` output once the
// leading "v" and "-dirty" are gone: a tag (with an optional pre-release),
// then optionally the commits since it and the abbreviated hash.
var describeRe = regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.]+?))?(?:-(\d+)-g([0-9a-f]+))?$`)

var hashRe = regexp.MustCompile(`^[0-9a-f]{4,40}$`)

// gitVersion is a parsed git describe string.
type gitVersion struct {
	major, minor, patch int
	pre                 string // "rc1"
	commits             string // commits since the tag, "" on the tag
	hash                string // abbreviated commit, "" on the tag
	dirty               bool
	tagged              bool // false: no tag, only a hash or "dev"
}

func parseGitVersion(raw string) (gitVersion, error) {
	s := strings.TrimPrefix(strings.TrimSpace(raw), "v")
	var g gitVersion
	if rest, ok := strings.CutSuffix(s, "-dirty"); ok {
		s, g.dirty = rest, true
	}
	if s == "" || s == "dev" {
		return g, nil
	}
	if hashRe.MatchString(s) {
		g.hash = s
		return g, nil
	}
	m := describeRe.FindStringSubmatch(s)
	if m == nil {
		return g, fmt.Errorf("version %q: want a git describe output such as v1.2.3, v1.2.3-4-gabc1234 or abc1234", raw)
	}
	g.tagged = true
	g.major, _ = strconv.Atoi(m[1])
	g.minor, _ = strconv.Atoi(m[2])
	g.patch, _ = strconv.Atoi(m[3])
	g.pre, g.commits, g.hash = m[4], m[5], m[6]
	return g, nil
}

// pkgVersion turns a git version into a version that dpkg and rpm both
// accept and order: v1.2.3 -> 1.2.3, v1.2.3-rc1 -> 1.2.3~rc1 (before
// 1.2.3), v1.2.3-4-gabc -> 1.2.3+4.gabc (after it), an untagged abc1234 ->
// 0.0.0~git.abc1234, "dev" -> 0.0.0~dev; -dirty adds a "dirty" part.
func pkgVersion(raw string) (string, error) {
	g, err := parseGitVersion(raw)
	if err != nil {
		return "", err
	}
	if !g.tagged {
		v := "0.0.0~dev"
		if g.hash != "" {
			v = "0.0.0~git." + g.hash
		}
		if g.dirty {
			v += ".dirty"
		}
		return v, nil
	}
	v := fmt.Sprintf("%d.%d.%d", g.major, g.minor, g.patch)
	if g.pre != "" {
		v += "~" + g.pre
	}
	var meta []string
	if g.commits != "" {
		meta = append(meta, g.commits, "g"+g.hash)
	}
	if g.dirty {
		meta = append(meta, "dirty")
	}
	if len(meta) > 0 {
		v += "+" + strings.Join(meta, ".")
	}
	return v, nil
}

// msiVersion is the ProductVersion of the MSI: major.minor.build with
// major and minor below 256 and build below 65536, as Windows Installer
// requires; it compares only these three fields, so builds between two tags
// share their tag's version (the MSI allows same-version upgrades).
// Untagged builds are 0.0.0.
func msiVersion(raw string) (string, error) {
	g, err := parseGitVersion(raw)
	if err != nil {
		return "", err
	}
	if !g.tagged {
		return "0.0.0", nil
	}
	if g.major > 255 || g.minor > 255 || g.patch > 65535 {
		return "", fmt.Errorf("version %q: an MSI version needs major and minor below 256 and patch below 65536", raw)
	}
	return fmt.Sprintf("%d.%d.%d", g.major, g.minor, g.patch), nil
}

func cmdVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "[-format pkg|msi] GIT-VERSION", stderr)
	format := fs.String("format", "pkg", "pkg (deb and rpm) or msi")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	var v string
	var err error
	switch *format {
	case "pkg":
		v, err = pkgVersion(fs.Arg(0))
	case "msi":
		v, err = msiVersion(fs.Arg(0))
	default:
		return fmt.Errorf("%w: -format %q: want pkg or msi", errUsage, *format)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, v)
	return nil
}
