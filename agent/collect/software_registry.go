package collect

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	uninstallKey   = `SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall`
	uninstallKey32 = `SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall`
	profileListKey = `SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList`
)

// Architectures as GLPI Agent reports them for Windows programs: the
// native view of a 64-bit Windows, and 32-bit programs (WOW6432Node, or
// any program on a 32-bit Windows).
const (
	winArch64 = "x86_64"
	winArch32 = "i586"
)

// uninstallView is one Uninstall key to read and what its entries are.
type uninstallView struct {
	root, path string
	arch       string
	sid, user  string // per-user hive (HKU\<sid>)
}

// softwaresWindows lists the programs of "Apps & features" / "Programs and
// Features" from the registry Uninstall keys: machine-wide in the 64-bit
// and 32-bit (WOW6432Node) views, and per user in every loaded HKU hive.
// It never touches Win32_Product, whose query makes Windows Installer
// check (and sometimes repair) every MSI package.
func softwaresWindows(ctx context.Context, env *Env, r *inventory.Report) error {
	reg := env.Registry
	if reg == nil {
		return fmt.Errorf("no registry: %w", ErrNoData)
	}
	views, err := uninstallViews(reg)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var list []inventory.Software
	for _, v := range views {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		keys, err := reg.SubKeys(v.root, v.path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("list programs: %w", err)
		}
		slices.SortFunc(keys, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		for _, k := range keys {
			vals, err := reg.Values(v.root, v.path+`\`+k)
			if err != nil {
				// A key removed while we read (an uninstaller at work).
				env.logger().Debug("skip uninstall key", "collector", "softwares_windows", "key", k, "err", err)
				continue
			}
			s, ok := mapUninstall(k, vals, v)
			if !ok {
				continue
			}
			id := s.Name + "\x00" + s.Arch + "\x00" + s.Version + "\x00" + s.UserID
			if seen[id] {
				continue
			}
			seen[id] = true
			list = append(list, s)
		}
	}
	if len(list) == 0 {
		return fmt.Errorf("no program in the Uninstall keys: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, list...)
	return nil
}

// uninstallViews lists the keys to read. WOW6432Node exists only on 64-bit
// Windows; on 32-bit Windows the native view holds 32-bit programs.
func uninstallViews(reg Registry) ([]uninstallView, error) {
	is64 := windowsIs64(reg)
	native := winArch64
	if !is64 {
		native = winArch32
	}
	views := []uninstallView{{root: "HKLM", path: uninstallKey, arch: native}}
	if is64 {
		views = append(views, uninstallView{root: "HKLM", path: uninstallKey32, arch: winArch32})
	}
	users, err := loadedUsers(reg)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		v := uninstallView{root: "HKU", path: u.sid + `\` + uninstallKey, arch: native, sid: u.sid, user: u.user}
		views = append(views, v)
		if is64 {
			v.path, v.arch = u.sid+`\`+uninstallKey32, winArch32
			views = append(views, v)
		}
	}
	return views, nil
}

// windowsIs64 says whether Windows is 64-bit: only then does the
// registry have a WOW6432Node view for 32-bit programs.
func windowsIs64(reg Registry) bool {
	_, err := reg.SubKeys("HKLM", `SOFTWARE\WOW6432Node`)
	return err == nil
}

type hiveUser struct{ sid, user string }

// loadedUsers lists the user hives loaded under HKU (the users logged on,
// and profiles a service has loaded), with the user name taken from the
// profile folder as GLPI Agent does. The _Classes hives, .DEFAULT and the
// service accounts (S-1-5-18, -19, -20) install no programs of their own.
func loadedUsers(reg Registry) ([]hiveUser, error) {
	sids, err := reg.SubKeys("HKU", "")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("list user hives: %w", err)
	}
	slices.Sort(sids)
	var out []hiveUser
	for _, sid := range sids {
		if strings.HasSuffix(strings.ToLower(sid), "_classes") || !strings.HasPrefix(sid, "S-1-") ||
			slices.Contains([]string{"S-1-5-18", "S-1-5-19", "S-1-5-20"}, sid) {
			continue
		}
		u := hiveUser{sid: sid}
		if vals, err := reg.Values("HKLM", profileListKey+`\`+sid); err == nil {
			u.user = swBaseName(swRegString(vals, "ProfileImagePath"))
		}
		out = append(out, u)
	}
	return out, nil
}

// baseName is the last element of a Windows path, e.g. "jdupont" for
// `C:\Users\jdupont`.
func swBaseName(p string) string {
	p = strings.TrimRight(p, `\/`)
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		return p[i+1:]
	}
	return p
}
