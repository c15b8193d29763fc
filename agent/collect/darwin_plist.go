package collect

import (
	"fmt"
	"strings"

	"howett.net/plist"
)

// macMaxPlist bounds the property lists read: an Info.plist is a few
// KiB; a huge one is not worth the memory.
const macMaxPlist = 4 << 20

// readPlist decodes an XML, binary or OpenStep property list below Root.
func readPlist(env *Env, p string, v any) error {
	b, err := env.ReadFile(p)
	if err != nil {
		return err
	}
	return decodePlist(b, v)
}

func decodePlist(b []byte, v any) (err error) {
	if len(b) > macMaxPlist {
		return fmt.Errorf("property list of %d bytes: too large", len(b))
	}
	// The decoder panics on some malformed input instead of failing (a
	// type mismatch deep in a value); an Info.plist is written by whoever
	// made the application, so that must not stop the inventory.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decode property list: %v", p)
		}
	}()
	if _, err := plist.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode property list: %w", err)
	}
	return nil
}

// macBundleInfo is the part of an application's Contents/Info.plist the
// inventory uses.
type macBundleInfo struct {
	Name, DisplayName, ShortVersion, Version string
	Identifier, Executable, Copyright        string
}

// parseBundleInfo reads an Info.plist. It goes through a map because
// applications write what they like: a version as an integer would make
// a typed decode fail, and lose the application.
func parseBundleInfo(b []byte) (*macBundleInfo, error) {
	var m map[string]any
	if err := decodePlist(b, &m); err != nil {
		return nil, err
	}
	return &macBundleInfo{
		Name:         plistString(m, "CFBundleName"),
		DisplayName:  plistString(m, "CFBundleDisplayName"),
		ShortVersion: plistString(m, "CFBundleShortVersionString"),
		Version:      plistString(m, "CFBundleVersion"),
		Identifier:   plistString(m, "CFBundleIdentifier"),
		Executable:   plistString(m, "CFBundleExecutable"),
		Copyright:    plistString(m, "NSHumanReadableCopyright"),
	}, nil
}

// plistString gives a scalar value as text, "" for anything else.
func plistString(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case uint64, int64, float64, bool:
		return fmt.Sprint(v)
	}
	return ""
}

// macSystemVersion is /System/Library/CoreServices/SystemVersion.plist.
type macSystemVersion struct {
	ProductName    string `plist:"ProductName"`    // "macOS" ("Mac OS X" before 10.12)
	ProductVersion string `plist:"ProductVersion"` // "14.5"
	BuildVersion   string `plist:"ProductBuildVersion"`
}

// macNetworkInterfaces is
// /Library/Preferences/SystemConfiguration/NetworkInterfaces.plist, where
// macOS keeps the kind and name of each hardware interface.
type macNetworkInterfaces struct {
	Interfaces []struct {
		BSDName string `plist:"BSD Name"`               // "en0"
		Type    string `plist:"SCNetworkInterfaceType"` // "Ethernet", "IEEE80211"
		Builtin bool   `plist:"IOBuiltin"`
		Info    struct {
			UserDefinedName string `plist:"UserDefinedName"` // "Wi-Fi", "Thunderbolt Bridge"
		} `plist:"SCNetworkInterfaceInfo"`
	} `plist:"Interfaces"`
}
