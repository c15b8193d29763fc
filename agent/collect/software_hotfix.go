package collect

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// hotfixQuery asks Windows for its installed updates. Win32_QuickFixEngineering
// reads the component store's list and answers in well under a second,
// unlike Win32_Product.
const hotfixQuery = "SELECT HotFixID, Description, InstalledOn, InstalledBy FROM Win32_QuickFixEngineering"

// updatesWindows lists installed Windows updates as software entries
// named by their KB, as GLPI Agent users see them: publisher Microsoft,
// release type and category from the description ("Security Update",
// "Update", "Hotfix"). It is a collector of its own so that a slow or
// broken WMI does not cost the program list.
func updatesWindows(ctx context.Context, env *Env, r *inventory.Report) error {
	if env.WMI == nil {
		return fmt.Errorf("no WMI: %w", ErrNoData)
	}
	rows, err := env.WMI.Query(ctx, `root\cimv2`, hotfixQuery)
	if err != nil {
		return fmt.Errorf("query Win32_QuickFixEngineering: %w", err)
	}
	arch := winArch64
	if env.Registry != nil && !windowsIs64(env.Registry) {
		arch = winArch32
	}
	list := mapHotfixes(rows, arch)
	if len(list) == 0 {
		return fmt.Errorf("no installed update listed: %w", ErrNoData)
	}
	r.Content.Softwares = append(r.Content.Softwares, list...)
	return nil
}

// mapHotfixes maps Win32_QuickFixEngineering rows. Rows without a KB
// number ("File 1", the odd placeholders old systems list) are skipped,
// and a KB listed twice is kept once.
func mapHotfixes(rows []map[string]any, arch string) []inventory.Software {
	var out []inventory.Software
	seen := map[string]bool{}
	for _, row := range rows {
		id := strings.ToUpper(strings.TrimSpace(swWMIString(row["HotFixID"])))
		if !reKB.MatchString(id) || seen[id] {
			continue
		}
		seen[id] = true
		desc := strings.TrimSpace(swWMIString(row["Description"]))
		s := inventory.Software{
			Name:        id,
			Comments:    desc,
			Publisher:   "Microsoft Corporation",
			From:        "WMI",
			Arch:        arch,
			ReleaseType: hotfixReleaseType(desc),
			InstallDate: parseHotfixDate(swWMIString(row["InstalledOn"])),
		}
		s.SystemCategory = updateCategory(s.ReleaseType)
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b inventory.Software) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// hotfixReleaseType reads the kind of update from its Description, which
// is usually English ("Security Update") but localised on some systems
// ("Mise à jour de sécurité"). Unknown kinds give "".
func hotfixReleaseType(desc string) string {
	d := strings.ToLower(desc)
	switch {
	case strings.HasPrefix(d, "security update"), strings.HasPrefix(d, "mise à jour de sécurité"):
		return "Security Update"
	case strings.HasPrefix(d, "hotfix"), strings.HasPrefix(d, "correctif"):
		return "Hotfix"
	case strings.HasPrefix(d, "update"), strings.HasPrefix(d, "mise à jour"):
		return "Update"
	}
	return ""
}

// parseHotfixDate reads InstalledOn. WMI gives it as a string, usually
// "M/D/YYYY" whatever the locale; old systems give a FILETIME as 16 hex
// digits.
func parseHotfixDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 16 {
		if ft, err := strconv.ParseUint(s, 16, 64); err == nil {
			// FILETIME: 100 ns ticks since 1601-01-01 UTC.
			const epochDiff = 116444736000000000
			if ft > epochDiff {
				t := time.Unix(0, 0).UTC().Add(time.Duration(ft-epochDiff) * 100)
				if t.Year() >= 1980 && t.Year() < 2100 {
					return t.Format(swDateLayout)
				}
			}
			return ""
		}
	}
	return swParseDate(s)
}

// wmiString returns a WMI string property, or "" for null and other types.
func swWMIString(v any) string {
	s, _ := v.(string)
	return s
}
