package collect

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// macBrewPrefixes are Homebrew's prefixes: /opt/homebrew on Apple silicon,
// /usr/local on Intel Macs (and under Rosetta on Apple silicon).
var macBrewPrefixes = []string{"/opt/homebrew", "/usr/local"}

// softwaresBrew lists Homebrew formulae (Cellar/<name>/<version>) and
// casks (Caskroom/<name>/<version>) from their directories, as
// `brew list --versions` does, without starting Ruby. Every installed
// version is listed: brew keeps the old ones until `brew cleanup`.
func softwaresBrew(ctx context.Context, env *Env, r *inventory.Report) error {
	found := false
	for _, prefix := range macBrewPrefixes {
		for _, kind := range []struct{ dir, category string }{{"/Cellar", "formula"}, {"/Caskroom", "cask"}} {
			root := prefix + kind.dir
			names, err := env.ReadDir(root)
			if err != nil {
				continue
			}
			found = true
			for _, n := range names {
				if err := ctx.Err(); err != nil {
					return err
				}
				if !n.IsDir() || strings.HasPrefix(n.Name(), ".") {
					continue
				}
				r.Content.Softwares = append(r.Content.Softwares, brewVersions(env, root+"/"+n.Name(), kind.category)...)
			}
		}
	}
	if !found {
		return fmt.Errorf("no Homebrew Cellar in %s: %w", strings.Join(macBrewPrefixes, " or "), ErrNoData)
	}
	return nil
}

// brewVersions lists the installed versions of one formula or cask.
func brewVersions(env *Env, dir, category string) []inventory.Software {
	versions, err := env.ReadDir(dir)
	if err != nil {
		return nil
	}
	name := dir[strings.LastIndexByte(dir, '/')+1:]
	var out []inventory.Software
	for _, v := range versions {
		if !v.IsDir() || strings.HasPrefix(v.Name(), ".") {
			continue
		}
		p := dir + "/" + v.Name()
		sw := inventory.Software{
			Name:           name,
			Version:        v.Name(),
			From:           "brew",
			Folder:         p,
			SystemCategory: category,
		}
		if t, ok := brewInstallTime(env, p); ok {
			sw.InstallDate = t.In(macZone(env)).Format(swDateLayout)
		}
		out = append(out, sw)
	}
	return out
}

// brewInstallTime is the "time" of a formula's INSTALL_RECEIPT.json
// (seconds since 1970), else when the version directory was written.
func brewInstallTime(env *Env, dir string) (time.Time, bool) {
	if b, err := env.ReadFile(dir + "/INSTALL_RECEIPT.json"); err == nil {
		if t, ok := parseBrewReceiptTime(b); ok {
			return t, true
		}
	}
	fi, err := os.Stat(env.Path(dir))
	if err != nil {
		return time.Time{}, false
	}
	return fi.ModTime(), true
}

func parseBrewReceiptTime(b []byte) (time.Time, bool) {
	var rec struct {
		Time *int64 `json:"time"`
	}
	if err := json.Unmarshal(b, &rec); err != nil || rec.Time == nil || *rec.Time <= 0 || *rec.Time > 1<<40 {
		return time.Time{}, false
	}
	return time.Unix(*rec.Time, 0), true
}
