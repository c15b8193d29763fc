package collect

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	winreg "golang.org/x/sys/windows/registry"
)

// liveRegistry is the Registry of the running machine. Keys are always
// opened in the 64-bit view (KEY_WOW64_64KEY), so a 32-bit agent on 64-bit
// Windows sees the same keys as a 64-bit one, and the WOW6432Node subtree
// is read by its explicit path like any other key.
type liveRegistry struct{}

var registryRoots = map[string]winreg.Key{
	"HKLM": winreg.LOCAL_MACHINE,
	"HKU":  winreg.USERS,
	"HKCU": winreg.CURRENT_USER,
	"HKCR": winreg.CLASSES_ROOT,
}

func (liveRegistry) open(root, path string, access uint32) (winreg.Key, error) {
	base, ok := registryRoots[strings.ToUpper(root)]
	if !ok {
		return 0, fmt.Errorf("registry root %q: unknown (want HKLM, HKU, HKCU or HKCR)", root)
	}
	k, err := winreg.OpenKey(base, strings.Trim(path, `\`), access|winreg.WOW64_64KEY)
	if err != nil {
		if errors.Is(err, syscall.ERROR_FILE_NOT_FOUND) || errors.Is(err, syscall.ERROR_PATH_NOT_FOUND) {
			return 0, fmt.Errorf("registry key %s\\%s: %w", root, path, fs.ErrNotExist)
		}
		return 0, fmt.Errorf("open registry key %s\\%s: %w", root, path, err)
	}
	return k, nil
}

// SubKeys implements Registry.
func (r liveRegistry) SubKeys(root, path string) ([]string, error) {
	k, err := r.open(root, path, winreg.ENUMERATE_SUB_KEYS)
	if err != nil {
		return nil, err
	}
	defer k.Close()
	names, err := k.ReadSubKeyNames(-1)
	if err != nil {
		return nil, fmt.Errorf("list subkeys of %s\\%s: %w", root, path, err)
	}
	return names, nil
}

// Values implements Registry. A value that vanishes between listing and
// reading (an installer at work) is skipped rather than failing the key.
func (r liveRegistry) Values(root, path string) (map[string]any, error) {
	k, err := r.open(root, path, winreg.QUERY_VALUE)
	if err != nil {
		return nil, err
	}
	defer k.Close()
	names, err := k.ReadValueNames(-1)
	if err != nil {
		return nil, fmt.Errorf("list values of %s\\%s: %w", root, path, err)
	}
	out := make(map[string]any, len(names))
	for _, name := range names {
		v, err := readValue(k, name)
		if errors.Is(err, winreg.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s\\%s\\%s: %w", root, path, name, err)
		}
		out[name] = v
	}
	return out, nil
}

// readValue converts one value as documented on Registry.Values; types
// with no natural Go form (REG_NONE, REG_DWORD_BIG_ENDIAN, resource lists)
// are returned as raw bytes.
func readValue(k winreg.Key, name string) (any, error) {
	_, typ, err := k.GetValue(name, nil)
	if err != nil {
		return nil, err
	}
	switch typ {
	case winreg.SZ, winreg.EXPAND_SZ:
		s, _, err := k.GetStringValue(name)
		return s, err
	case winreg.DWORD, winreg.QWORD:
		n, _, err := k.GetIntegerValue(name)
		return n, err
	case winreg.MULTI_SZ:
		s, _, err := k.GetStringsValue(name)
		return s, err
	case winreg.BINARY:
		b, _, err := k.GetBinaryValue(name)
		return b, err
	}
	return rawValue(k, name)
}

func rawValue(k winreg.Key, name string) ([]byte, error) {
	buf := make([]byte, 64)
	for {
		n, _, err := k.GetValue(name, buf)
		if errors.Is(err, winreg.ErrShortBuffer) && n > len(buf) {
			buf = make([]byte, n)
			continue
		}
		if err != nil {
			return nil, err
		}
		return buf[:n], nil
	}
}
