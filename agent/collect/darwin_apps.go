package collect

import (
	"context"
	"fmt"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/parcproject/parc/pkg/inventory"
)

// macAppDirs are where applications are installed: the administrator's
// /Applications (with one level of folders, as "Utilities" or a vendor's
// suite), Apple's own in the sealed system volume, and each user's
// ~/Applications. GLPI Agent gets the same list from system_profiler's
// SPApplicationsDataType, which searches the whole disk through Spotlight
// and takes tens of seconds; the Info.plist files are what it reads.
var macAppDirs = []struct{ glob, category string }{
	{"/Applications/*.app", "application"},
	{"/Applications/*/*.app", "application"},
	{"/System/Applications/*.app", "system"},
	{"/System/Applications/Utilities/*.app", "system"},
	{"/Users/*/Applications/*.app", "application"},
}

// softwaresMacOS lists the application bundles of macAppDirs.
func softwaresMacOS(ctx context.Context, env *Env, r *inventory.Report) error {
	seen := map[string]bool{}
	for _, d := range macAppDirs {
		apps, _ := env.Glob(d.glob)
		for _, app := range apps {
			if err := ctx.Err(); err != nil {
				return err
			}
			if seen[app] {
				continue // /Applications/Utilities is matched twice on old systems
			}
			seen[app] = true
			sw, err := macApp(env, app, d.category)
			if err != nil {
				env.logger().Debug("skip application", "path", app, "err", err)
				continue
			}
			r.Content.Softwares = append(r.Content.Softwares, *sw)
		}
	}
	if len(r.Content.Softwares) == 0 {
		return fmt.Errorf("no application bundle in /Applications: %w", ErrNoData)
	}
	return nil
}

// macApp reads one bundle. The name is the bundle's folder name, which is
// what Finder and GLPI show ("Visual Studio Code", whose CFBundleName is
// "Code"); the bundle identifier stands for the product ID.
func macApp(env *Env, app, category string) (*inventory.Software, error) {
	b, err := env.ReadFile(app + "/Contents/Info.plist")
	if err != nil {
		return nil, err
	}
	info, err := parseBundleInfo(b)
	if err != nil {
		return nil, err
	}
	sw := &inventory.Software{
		Name:           strings.TrimSuffix(path.Base(app), ".app"),
		Version:        firstOf(info.ShortVersion, info.Version),
		GUID:           info.Identifier,
		Publisher:      macPublisher(info.Copyright, info.Identifier),
		From:           "macos",
		Folder:         app,
		SystemCategory: category,
	}
	if user, ok := strings.CutPrefix(app, "/Users/"); ok {
		sw.Username, _, _ = strings.Cut(user, "/")
	}
	if fi, err := os.Stat(env.Path(app)); err == nil {
		sw.InstallDate = fi.ModTime().In(macZone(env)).Format(swDateLayout)
	}
	if info.Executable != "" && !strings.Contains(info.Executable, "/") {
		sw.Arch = machoArch(env, app+"/Contents/MacOS/"+info.Executable)
	}
	return sw, nil
}

var (
	copyrightWords = regexp.MustCompile(`(?i)\b(copyright|all rights reserved|inc\. and its affiliates)\b|©|\(c\)`)
	copyrightYears = regexp.MustCompile(`\b(19|20)\d\d\b(\s*[-–,]\s*((19|20)\d\d|present))*`)
)

// macPublisher takes the holder of "Copyright © 2015-2024 Mozilla
// Corporation. All rights reserved.", else guesses from the bundle
// identifier's reverse domain ("com.microsoft.Word" gives "Microsoft").
func macPublisher(copyright, id string) string {
	s := copyrightWords.ReplaceAllString(copyright, " ")
	s = copyrightYears.ReplaceAllString(s, " ")
	s, _, _ = strings.Cut(s, "\n")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != ')' || unicode.IsSpace(r) })
	s = strings.TrimSuffix(s, " and")
	for _, abbr := range []string{" Inc", " Ltd", " Corp", " Co", " S.A", " GmbH & Co"} {
		if strings.HasSuffix(s, abbr) {
			s += "." // the dot the punctuation trim took
			break
		}
	}
	if len(s) >= 2 && len(s) <= 80 && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		return s
	}
	parts := strings.Split(id, ".")
	if len(parts) < 2 || !slices.Contains([]string{"com", "org", "net", "io", "de", "fr", "us", "co", "app", "dev"}, parts[0]) {
		return ""
	}
	org := parts[1]
	if org == "" {
		return ""
	}
	if n, ok := map[string]string{"apple": "Apple", "microsoft": "Microsoft", "google": "Google", "mozilla": "Mozilla"}[strings.ToLower(org)]; ok {
		return n
	}
	return strings.ToUpper(org[:1]) + org[1:]
}
