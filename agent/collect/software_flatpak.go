package collect

import (
	"context"
	"fmt"
	"os"
	"path"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// flatpakSystemDir is the system-wide installation; per-user ones are
// under each home's .local/share/flatpak.
const flatpakSystemDir = "/var/lib/flatpak"

// flatpakInstall is one flatpak installation and whose it is.
type flatpakInstall struct {
	dir  string // e.g. /var/lib/flatpak, /home/jdupont/.local/share/flatpak
	user string // empty for the system installation
}

// softwaresFlatpak lists the applications and runtimes deployed by
// flatpak, system-wide and per user, from the deployments on disk (no
// flatpak command): the id, arch and branch come from the path
// <install>/{app,runtime}/<id>/<arch>/<branch>/active, and the name,
// version, summary and developer from the AppStream metainfo the
// deployment ships. Locale, debug and source extensions are left out.
func softwaresFlatpak(ctx context.Context, env *Env, r *inventory.Report) error {
	installs := []flatpakInstall{{dir: flatpakSystemDir}}
	homes, _ := env.Glob("/home/*/.local/share/flatpak")
	for _, h := range append(homes, "/root/.local/share/flatpak") {
		user := "root"
		if rest, ok := strings.CutPrefix(h, "/home/"); ok {
			user, _, _ = strings.Cut(rest, "/")
		}
		installs = append(installs, flatpakInstall{dir: h, user: user})
	}
	loc := env.Clock().Location()
	var list []inventory.Software
	for _, in := range installs {
		for _, kind := range []string{"app", "runtime"} {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			deploys, err := env.Glob(path.Join(in.dir, kind, "*", "*", "*", "active"))
			if err != nil {
				return fmt.Errorf("list flatpak deployments: %w", err)
			}
			for _, d := range deploys {
				if s, ok := readFlatpak(env, d, kind, in.user, loc); ok {
					list = append(list, s)
				}
			}
		}
	}
	if len(list) == 0 {
		return fmt.Errorf("no flatpak deployment: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, list...)
	return nil
}

// readFlatpak maps one deployment, .../<id>/<arch>/<branch>/active.
func readFlatpak(env *Env, active, kind, user string, loc *time.Location) (inventory.Software, bool) {
	branchDir := path.Dir(active)
	branch, arch := path.Base(branchDir), path.Base(path.Dir(branchDir))
	id := path.Base(path.Dir(path.Dir(branchDir)))
	for _, suffix := range []string{".Locale", ".Debug", ".Sources"} {
		if strings.HasSuffix(id, suffix) {
			return inventory.Software{}, false
		}
	}
	s := inventory.Software{
		Name:           id,
		Version:        branch,
		Arch:           arch,
		From:           "flatpak",
		SystemCategory: map[string]string{"app": "application", "runtime": "runtime"}[kind],
		Folder:         active,
		Username:       user,
	}
	if m, ok := readMetainfo(env, active, id); ok {
		if m.name != "" {
			s.Name = m.name
		}
		if m.version != "" {
			s.Version = m.version
		}
		s.Comments = m.summary
		s.Publisher = m.developer
		s.URLInfoAbout = m.homepage
	}
	// flatpak writes the deploy file when it deploys this commit.
	if st, err := os.Stat(env.Path(path.Join(active, "deploy"))); err == nil {
		s.InstallDate = st.ModTime().In(loc).Format(swDateLayout)
	}
	return s, true
}

// readMetainfo finds the AppStream file of a deployment: the current
// metainfo name first, then the older appdata ones.
func readMetainfo(env *Env, active, id string) (metainfo, bool) {
	for _, p := range []string{
		"files/share/metainfo/" + id + ".metainfo.xml",
		"files/share/metainfo/" + id + ".appdata.xml",
		"files/share/appdata/" + id + ".appdata.xml",
	} {
		data, err := env.ReadFile(path.Join(active, p))
		if err != nil {
			continue
		}
		m, err := parseMetainfo(data)
		if err != nil {
			env.logger().Debug("bad metainfo", "collector", "softwares_flatpak", "file", p, "err", err)
			return metainfo{}, false
		}
		return m, true
	}
	return metainfo{}, false
}
