package collect

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parcproject/parc/pkg/inventory"
)

// snapMountDirs are where snapd mounts snaps: /snap, or on Fedora and
// other distributions that keep / read-only, /var/lib/snapd/snap.
var snapMountDirs = []string{"/snap", "/var/lib/snapd/snap"}

const snapBlobDir = "/var/lib/snapd/snaps"

// snapYAML is the part of meta/snap.yaml the inventory uses.
type snapYAML struct {
	Name          string   `yaml:"name"`
	Version       string   `yaml:"version"`
	Summary       string   `yaml:"summary"`
	Type          string   `yaml:"type"`
	Architectures []string `yaml:"architectures"`
}

// softwaresSnap lists installed snaps from their mounted metadata,
// /snap/<name>/current/meta/snap.yaml, without asking snapd. Bases, the
// core snaps and snapd itself are left out, as GLPI Agent does. The size is that of the revision's .snap file and the
// install date its modification time (when that revision arrived). The
// publisher lives only in snapd's assertions and is not reported.
func softwaresSnap(ctx context.Context, env *Env, r *inventory.Report) error {
	var (
		mount   string
		entries []fs.DirEntry
		err     error
	)
	for _, mount = range snapMountDirs {
		entries, err = env.ReadDir(mount)
		if !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no snap mount directory: %w", ErrNoData)
	}
	if err != nil {
		return fmt.Errorf("list snaps: %w", err)
	}
	loc := env.Clock().Location()
	var list []inventory.Software
	for _, e := range entries {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !e.IsDir() || e.Name() == "bin" {
			continue
		}
		s, ok, err := readSnap(env, mount, e.Name(), loc)
		if err != nil {
			env.logger().Debug("skip snap", "collector", "softwares_snap", "snap", e.Name(), "err", err)
			continue
		}
		if !ok {
			continue
		}
		list = append(list, s)
	}
	if len(list) == 0 {
		return fmt.Errorf("no application snap installed: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, list...)
	return nil
}

// readSnap reads one snap; ok is false for the snaps that are not
// software to list (bases, core, snapd).
func readSnap(env *Env, mount, dir string, loc *time.Location) (inventory.Software, bool, error) {
	rev, err := os.Readlink(env.Path(path.Join(mount, dir, "current")))
	if err != nil {
		return inventory.Software{}, false, fmt.Errorf("current revision: %w", err)
	}
	rev = path.Base(rev)
	data, err := env.ReadFile(path.Join(mount, dir, rev, "meta", "snap.yaml"))
	if err != nil {
		return inventory.Software{}, false, err
	}
	var y snapYAML
	if err := yaml.Unmarshal(data, &y); err != nil {
		return inventory.Software{}, false, fmt.Errorf("parse snap.yaml: %w", err)
	}
	if slices.Contains([]string{"base", "os", "core", "snapd"}, y.Type) {
		return inventory.Software{}, false, nil
	}
	if y.Name == "" {
		y.Name = dir
	}
	s := inventory.Software{
		Name:           y.Name,
		Version:        y.Version,
		Comments:       strings.TrimSpace(y.Summary),
		From:           "snap",
		SystemCategory: y.Type,
		Folder:         path.Join(mount, dir, rev),
	}
	if s.SystemCategory == "" {
		s.SystemCategory = "app"
	}
	if len(y.Architectures) > 0 && y.Architectures[0] != "all" {
		s.Arch = y.Architectures[0]
	}
	if st, err := os.Stat(env.Path(path.Join(snapBlobDir, dir+"_"+rev+".snap"))); err == nil {
		s.FileSize = st.Size()
		s.InstallDate = st.ModTime().In(loc).Format(swDateLayout)
	}
	return s, true, nil
}
