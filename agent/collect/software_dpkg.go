package collect

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"time"

	"github.com/parcproject/parc/agent/internal/dpkg"
	"github.com/parcproject/parc/pkg/inventory"
)

// softwaresDpkg lists the packages dpkg knows as installed, reading
// /var/lib/dpkg/status directly (no dpkg-query). The publisher is the
// distribution ("Debian", "Ubuntu"), as GLPI Agent reports it, so that the
// same package groups under one software whichever agent sent it; the
// maintainer is only a fallback when the distribution is unknown.
func softwaresDpkg(ctx context.Context, env *Env, r *inventory.Report) error {
	f, err := os.Open(env.Path(dpkg.StatusPath))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no dpkg database: %w", ErrNoData)
	}
	if err != nil {
		return fmt.Errorf("open dpkg status: %w", err)
	}
	defer f.Close()

	distributor := osDistributor(env)
	loc := env.Clock().Location()
	var out []inventory.Software
	err = dpkg.Parse(bufio.NewReaderSize(f, 256*1024), func(p dpkg.Package) error {
		if len(out)%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		s := inventory.Software{
			Name:           p.Name,
			Version:        p.Version,
			Arch:           p.Arch,
			Publisher:      distributor,
			Comments:       p.Summary,
			FileSize:       p.InstalledSize,
			From:           "deb",
			SystemCategory: p.Section,
			URLInfoAbout:   p.Homepage,
		}
		if s.Publisher == "" {
			s.Publisher = maintainerName(p.Maintainer)
		}
		if t, ok := dpkgInstallTime(env, &p); ok {
			s.InstallDate = t.In(loc).Format(swDateLayout)
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return fmt.Errorf("parse dpkg status: %w", err)
	}
	if len(out) == 0 {
		return fmt.Errorf("dpkg database lists no installed package: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, out...)
	return nil
}

// dpkgInstallTime is the modification time of the package's file list in
// /var/lib/dpkg/info: dpkg rewrites it when it unpacks the package, so it
// tells the install or last upgrade (what GLPI Agent and FusionInventory
// report too). dpkg keeps no install date of its own.
func dpkgInstallTime(env *Env, p *dpkg.Package) (t time.Time, ok bool) {
	for _, name := range p.ListFiles() {
		st, err := os.Stat(env.Path(path.Join(dpkg.InfoDir, name)))
		if err == nil {
			return st.ModTime(), true
		}
	}
	return t, false
}
