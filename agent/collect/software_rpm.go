package collect

import (
	"context"
	"errors"
	"fmt"
	"os/exec"

	"github.com/parcproject/parc/agent/internal/rpm"
	"github.com/parcproject/parc/pkg/inventory"
)

// rpmDBPaths are the database files of rpm's three back ends (SQLite since
// RHEL 9 and Fedora 33, Berkeley DB before, ndb on SUSE), in the classic
// directory and the one Fedora 36+ and openSUSE moved it to. Checking them
// first saves running rpm on Debian, where the rpm tool may be installed
// with an empty database.
var rpmDBPaths = []string{
	"/var/lib/rpm/rpmdb.sqlite", "/var/lib/rpm/Packages", "/var/lib/rpm/Packages.db",
	"/usr/lib/sysimage/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/Packages", "/usr/lib/sysimage/rpm/Packages.db",
}

// softwaresRPM lists the installed rpm packages through one `rpm -qa`
// (rpm's database has no stable file format). The vendor is the publisher,
// as in GLPI Agent ("Rocky Enterprise Software Foundation", "Fedora
// Project"), with the packager as fallback. gpg-pubkey pseudo-packages,
// one per imported signing key, are not software and are left out.
func softwaresRPM(ctx context.Context, env *Env, r *inventory.Report) error {
	if !swAnyExists(env, rpmDBPaths) {
		return fmt.Errorf("no rpm database: %w", ErrNoData)
	}
	out, err := env.Run(ctx, "rpm", rpm.Args()...)
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("rpm database but no rpm command: %w", ErrNoData)
	}
	if err != nil {
		return fmt.Errorf("run rpm -qa: %w", err)
	}
	pkgs, skipped, err := rpm.Parse(out)
	if err != nil {
		return fmt.Errorf("parse rpm -qa: %w", err)
	}
	if skipped > 0 {
		env.logger().Warn("rpm lines not understood", "collector", "softwares_rpm", "skipped", skipped)
	}
	loc := env.Clock().Location()
	var list []inventory.Software
	for _, p := range pkgs {
		if p.IsPubKey() {
			continue
		}
		s := inventory.Software{
			Name:           p.Name,
			Version:        p.Version,
			Arch:           p.Arch,
			Publisher:      p.Vendor,
			Comments:       p.Summary,
			FileSize:       p.Size,
			From:           "rpm",
			SystemCategory: p.Group,
			URLInfoAbout:   p.URL,
		}
		if s.Publisher == "" {
			s.Publisher = maintainerName(p.Packager)
		}
		if !p.InstallTime.IsZero() {
			s.InstallDate = p.InstallTime.In(loc).Format(swDateLayout)
		}
		list = append(list, s)
	}
	if len(list) == 0 {
		// Debian with the rpm tool installed has an empty database.
		return fmt.Errorf("rpm database lists no package: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, list...)
	return nil
}

func swAnyExists(env *Env, paths []string) bool {
	for _, p := range paths {
		if env.Exists(p) {
			return true
		}
	}
	return false
}
