package collect

import (
	"bufio"
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateLayout is the install_date format of the inventory: GLPI keeps only
// the day.
const swDateLayout = "2006-01-02"

// osDistributor names the Linux distribution the way `lsb_release -i`
// does on Debian and Ubuntu ("Debian", "Ubuntu", "Linuxmint"): the
// os-release ID with a capital. GLPI Agent uses it as the publisher of
// every deb package. Empty when os-release is missing.
func osDistributor(env *Env) string {
	for _, p := range []string{"/etc/os-release", "/usr/lib/os-release"} {
		data, err := env.ReadFile(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			id, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "ID=")
			if !ok {
				continue
			}
			id = strings.Trim(id, `"'`)
			r, n := utf8.DecodeRuneInString(id)
			if n == 0 {
				return ""
			}
			return string(unicode.ToUpper(r)) + id[n:]
		}
		return ""
	}
	return ""
}

// maintainerName drops the mail address from "Name <address>".
func maintainerName(m string) string {
	if i := strings.IndexByte(m, '<'); i > 0 {
		return strings.TrimSpace(m[:i])
	}
	return strings.TrimSpace(m)
}
