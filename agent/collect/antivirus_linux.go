package collect

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("antivirus", antivirusLinux) }

// linuxAV is a security product recognised by the files it installs and
// the processes it runs.
type linuxAV struct {
	name, company string
	files         []string
	procs         []string
}

var linuxAVs = []linuxAV{
	{"ESET Endpoint Antivirus", "ESET", []string{"/opt/eset/eea/sbin/startd", "/opt/eset/efs/sbin/startd"}, []string{"startd", "oaeventd"}},
	{"Sophos Protection for Linux", "Sophos", []string{"/opt/sophos-spl/base/bin/sophos_managementagent"}, []string{"sophos_threat_d", "sophos_watchdog"}},
	{"CrowdStrike Falcon", "CrowdStrike", []string{"/opt/CrowdStrike/falconctl"}, []string{"falcon-sensor"}},
	{"Microsoft Defender for Endpoint", "Microsoft Corporation", []string{"/opt/microsoft/mdatp/sbin/wdavdaemon"}, []string{"wdavdaemon"}},
	{"Trellix Endpoint Security", "Trellix", []string{"/opt/McAfee/ens/tp/bin/mfetpd", "/opt/isec/ens/threatprevention/bin/isecav"}, []string{"mfetpd", "isecav"}},
	{"Bitdefender GravityZone", "Bitdefender", []string{"/opt/bitdefender-security-tools/bin/bdsecd"}, []string{"bdsecd"}},
}

// antivirusLinux detects ClamAV (with the date and version of its daily
// signatures) and the common commercial endpoint agents.
func antivirusLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	var found []linuxAV
	for _, p := range linuxAVs {
		if existsAny(env, p.files) {
			found = append(found, p)
		}
	}
	hasClam := existsAny(env, clamFiles)
	if !hasClam && len(found) == 0 {
		return fmt.Errorf("no known antivirus installed: %w", ErrNoData)
	}
	procs := processNames(env) // only now: scanning /proc costs milliseconds
	if hasClam {
		r.Content.Antivirus = append(r.Content.Antivirus, clamAV(env, procs))
	}
	for _, p := range found {
		on := false
		for _, n := range p.procs {
			on = on || procs[n]
		}
		r.Content.Antivirus = append(r.Content.Antivirus, inventory.Antivirus{Name: p.name, Company: p.company, Enabled: &on})
	}
	return nil
}

var clamFiles = []string{"/usr/bin/clamscan", "/usr/sbin/clamd", "/usr/bin/freshclam"}

func clamAV(env *Env, procs map[string]bool) inventory.Antivirus {
	on := procs["clamd"] || procs["clamonacc"]
	av := inventory.Antivirus{Name: "ClamAV", Company: "Cisco Talos", Enabled: &on, Version: dpkgVersion(env, "clamav")}
	for _, f := range []string{"/var/lib/clamav/daily.cld", "/var/lib/clamav/daily.cvd"} {
		b, err := env.ReadFile(f)
		if err != nil {
			continue
		}
		if h, ok := parseCVDHeader(b); ok {
			av.BaseVersion = h.Version
			if !h.Built.IsZero() {
				av.BaseCreation = h.Built.Format(time.DateOnly)
				fresh := env.Clock().Sub(h.Built) < 7*24*time.Hour
				av.UpToDate = &fresh
			}
			break
		}
	}
	return av
}

// processNames lists the command names of running processes
// (/proc/*/comm), to tell an installed product from a running one.
func processNames(env *Env) map[string]bool {
	out := map[string]bool{}
	files, _ := env.Glob("/proc/[0-9]*/comm")
	for _, f := range files {
		if s := sysString(env, f); s != "" {
			out[s] = true
		}
	}
	return out
}

// dpkgVersion finds a package's version in dpkg's status file without
// parsing the whole file (the softwares collector does that).
func dpkgVersion(env *Env, pkg string) string {
	b, err := env.ReadFile("/var/lib/dpkg/status")
	if err != nil {
		return ""
	}
	i := bytes.Index(b, []byte("\nPackage: "+pkg+"\n"))
	if i < 0 {
		return ""
	}
	stanza := b[i+1:]
	if end := bytes.Index(stanza, []byte("\n\n")); end >= 0 {
		stanza = stanza[:end]
	}
	for _, line := range strings.Split(string(stanza), "\n") {
		if v, ok := strings.CutPrefix(line, "Version: "); ok {
			return v
		}
	}
	return ""
}
