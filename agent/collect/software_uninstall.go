package collect

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// System categories of Windows entries, GLPI Agent's values.
const (
	categoryApplication    = "application"
	categoryUpdate         = "update"
	categorySecurityUpdate = "security_update"
	categoryHotfix         = "hotfix"
)

var (
	reProductCode = regexp.MustCompile(`^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$`)
	reKB          = regexp.MustCompile(`(?i)\bKB\d{4,10}\b`)
)

// mapUninstall turns one Uninstall subkey into a software entry, and says
// whether "Programs and Features" would show it: it needs a DisplayName,
// must not be a SystemComponent, and needs an UninstallString unless
// Windows Installer manages it. Entries with a ParentKeyName are parts of
// another product and hidden there, except updates named by their KB
// (Office and old Windows updates), which are kept as updates.
func mapUninstall(key string, vals map[string]any, v uninstallView) (inventory.Software, bool) {
	name := swCleanString(swRegString(vals, "DisplayName"))
	if name == "" || swRegFlag(vals, "SystemComponent") {
		return inventory.Software{}, false
	}
	if swRegString(vals, "UninstallString") == "" && !swRegFlag(vals, "WindowsInstaller") {
		return inventory.Software{}, false
	}
	releaseType := swCleanString(swRegString(vals, "ReleaseType"))
	category := categoryApplication
	if swRegString(vals, "ParentKeyName") != "" || releaseType != "" {
		if !reKB.MatchString(name) && !reKB.MatchString(key) {
			return inventory.Software{}, false
		}
		category = updateCategory(releaseType)
	}
	s := inventory.Software{
		Name:            name,
		Version:         swCleanString(swRegString(vals, "DisplayVersion")),
		Publisher:       swCleanString(swRegString(vals, "Publisher")),
		Comments:        swCleanString(swRegString(vals, "Comments")),
		Folder:          swCleanString(swRegString(vals, "InstallLocation")),
		UninstallString: strings.TrimSpace(swRegString(vals, "UninstallString")),
		URLInfoAbout:    swCleanString(swRegString(vals, "URLInfoAbout")),
		HelpLink:        swCleanString(swRegString(vals, "HelpLink")),
		ReleaseType:     releaseType,
		InstallDate:     swParseDate(swRegString(vals, "InstallDate")),
		From:            "registry",
		Arch:            v.arch,
		SystemCategory:  category,
		Username:        v.user,
		UserID:          v.sid,
	}
	if reProductCode.MatchString(key) {
		s.GUID = strings.ToUpper(key)
	}
	if n, ok := swRegUint(vals["EstimatedSize"]); ok && n > 0 && n < 1<<40 {
		s.FileSize = int64(n) * 1024
	}
	s.VersionMajor = swRegNumber(vals, "VersionMajor", "MajorVersion")
	s.VersionMinor = swRegNumber(vals, "VersionMinor", "MinorVersion")
	if n, ok := swRegUint(vals["NoRemove"]); ok {
		b := n != 0
		s.NoRemove = &b
	}
	return s, true
}

// updateCategory maps a ReleaseType or a hotfix Description ("Security
// Update", "Update", "Hotfix", "Service Pack"...) to GLPI's category.
func updateCategory(t string) string {
	switch {
	case strings.HasPrefix(t, "Security Update"):
		return categorySecurityUpdate
	case strings.HasPrefix(t, "Hotfix"):
		return categoryHotfix
	}
	return categoryUpdate
}

// parseInstallDate reads InstallDate, which installers are meant to write
// as YYYYMMDD but sometimes write as M/D/YYYY or with separators. Anything
// that is not a real date between 1980 and 2100 gives "".
func swParseDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"20060102", "2006-01-02", "1/2/2006", "2006/01/02", "02.01.2006"} {
		t, err := time.Parse(layout, s)
		if err == nil && t.Year() >= 1980 && t.Year() < 2100 {
			return t.Format(swDateLayout)
		}
	}
	return ""
}

// regString returns a string value, or "" when it is absent or not a
// string.
func swRegString(vals map[string]any, name string) string {
	s, _ := vals[name].(string)
	return s
}

// regUint reads a number that installers write as a DWORD, or sometimes
// as a string ("1", "0x1").
func swRegUint(v any) (uint64, bool) {
	switch x := v.(type) {
	case uint64:
		return x, true
	case int64:
		if x < 0 {
			return 0, false
		}
		return uint64(x), true
	case string:
		x = strings.TrimSpace(x)
		if h, ok := strings.CutPrefix(strings.ToLower(x), "0x"); ok {
			n, err := strconv.ParseUint(h, 16, 64)
			return n, err == nil
		}
		n, err := strconv.ParseUint(x, 10, 64)
		return n, err == nil
	}
	return 0, false
}

// regFlag says whether a DWORD flag such as SystemComponent is set.
func swRegFlag(vals map[string]any, name string) bool {
	n, ok := swRegUint(vals[name])
	return ok && n != 0
}

// regNumber formats the first of the named numeric values that is set.
func swRegNumber(vals map[string]any, names ...string) string {
	for _, name := range names {
		if n, ok := swRegUint(vals[name]); ok {
			return strconv.FormatUint(n, 10)
		}
	}
	return ""
}

// cleanRegString trims a registry string and cuts it at the first control
// character: some installers leave a NUL and garbage after the text
// (GLPI Agent works around the same bug).
func swCleanString(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' }); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
