package installers

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// msiTable is an exported MSI table: rows of named columns.
type msiTable []map[string]string

// exportTable reads a table with msiinfo export (three header lines:
// column names, types, table name and keys).
func exportTable(t *testing.T, msi, table string) msiTable {
	t.Helper()
	out := run(t, nil, "msiinfo", "export", msi, table)
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("msiinfo export %s: got %q", table, out)
	}
	cols := strings.Split(lines[0], "\t")
	var rows msiTable
	for _, l := range lines[3:] {
		if l == "" {
			continue
		}
		row := map[string]string{}
		for i, v := range strings.Split(l, "\t") {
			if i < len(cols) {
				row[cols[i]] = v
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// find returns the row whose column key equals value.
func (tb msiTable) find(t *testing.T, key, value string) map[string]string {
	t.Helper()
	for _, r := range tb {
		if r[key] == value {
			return r
		}
	}
	t.Fatalf("no row with %s = %q in %v", key, value, tb)
	return nil
}

func buildMSI(t *testing.T, version string, env ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "parc-agent-"+version+"-x64.msi")
	cmd := exec.Command(pack(t), "msi", "-wxs", "installers/windows/parc-agent.wxs", "-version", version,
		"-exe", agentWindows(t), "-license", "LICENSE", "-out", out)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pack msi: %v\n%s", err, b)
	}
	return out
}

// TestMSITables checks what Windows Installer will do with the MSI, from
// its tables: files, service, configuration actions, properties, and an
// upgrade code shared by two versions.
func TestMSITables(t *testing.T) {
	needTool(t, "wixl", "msiinfo", "msibuild")
	v1, v2 := buildMSI(t, "v1.0.0"), buildMSI(t, "v1.1.0-3-gabcdef0")

	files := exportTable(t, v1, "File")
	if f := files.find(t, "FileName", "parc-agent.exe"); f["Component_"] != "AgentExe" {
		t.Errorf("got parc-agent.exe in component %q; want AgentExe", f["Component_"])
	}
	files.find(t, "FileName", "LICENSE.txt")
	// GLPI's sysobject.ids ships beside the program with its own license.
	for _, name := range []string{"sysobject.ids", "sysobject.ids.LICENSE.txt"} {
		if f := files.find(t, "FileName", name); f["Component_"] != "SysObjectIDs" {
			t.Errorf("got %s in component %q; want SysObjectIDs", name, f["Component_"])
		}
	}
	dirs := exportTable(t, v1, "Directory")
	if d := dirs.find(t, "Directory", "INSTALLDIR"); d["Directory_Parent"] != "ProgramFiles64Folder" || d["DefaultDir"] != "Parc" {
		t.Errorf("got install directory %v; want Parc under ProgramFiles64Folder", d)
	}

	svc := exportTable(t, v1, "ServiceInstall").find(t, "Name", "ParcAgent")
	for col, want := range map[string]string{
		"Arguments": "service run", "StartName": "LocalSystem",
		"ServiceType": "16", // own process
		"StartType":   "2",  // automatic
		"Component_":  "AgentExe",
	} {
		if svc[col] != want {
			t.Errorf("ServiceInstall %s: got %q; want %q", col, svc[col], want)
		}
	}
	// 1 start at install, 2 stop at install, 32 stop at uninstall, 128 delete at uninstall.
	if ctl := exportTable(t, v1, "ServiceControl").find(t, "Name", "ParcAgent"); ctl["Event"] != "163" || ctl["Wait"] != "1" {
		t.Errorf("got ServiceControl %v; want Event 163, Wait 1", ctl)
	}

	checkConfigureActions(t, v1)

	p1, p2 := exportTable(t, v1, "Property"), exportTable(t, v2, "Property")
	prop := func(tb msiTable, name string) string { return tb.find(t, "Property", name)["Value"] }
	if prop(p1, "UpgradeCode") != prop(p2, "UpgradeCode") {
		t.Errorf("got UpgradeCodes %s and %s; want one code for every version", prop(p1, "UpgradeCode"), prop(p2, "UpgradeCode"))
	}
	if prop(p1, "UpgradeCode") != "{63A32C3D-F4BF-4D6B-9B0F-FDEF93C761A1}" {
		t.Errorf("got UpgradeCode %s; it must never change", prop(p1, "UpgradeCode"))
	}
	if prop(p1, "ProductCode") == prop(p2, "ProductCode") {
		t.Error("two versions share a ProductCode; a major upgrade needs a new one")
	}
	if prop(p1, "ProductVersion") != "1.0.0" || prop(p2, "ProductVersion") != "1.1.0" {
		t.Errorf("got ProductVersions %s and %s; want 1.0.0 and 1.1.0", prop(p1, "ProductVersion"), prop(p2, "ProductVersion"))
	}
	secure := ";" + prop(p1, "SecureCustomProperties") + ";"
	for _, p := range []string{"SERVER", "ENROLL_SECRET", "TAG", "PURGE", "WIX_UPGRADE_DETECTED"} {
		if !strings.Contains(secure, ";"+p+";") {
			t.Errorf("SecureCustomProperties %s lacks %s", secure, p)
		}
	}
	if prop(p1, "MsiHiddenProperties") != "ENROLL_SECRET" {
		t.Errorf("got MsiHiddenProperties %q; want the secret kept out of logs", prop(p1, "MsiHiddenProperties"))
	}

	// The upgrade row finds every older version and the same one (a rebuild).
	up := exportTable(t, v2, "Upgrade").find(t, "ActionProperty", "WIX_UPGRADE_DETECTED")
	if up["UpgradeCode"] != prop(p2, "UpgradeCode") || up["VersionMax"] != "1.1.0" || up["Attributes"] != "513" {
		t.Errorf("got upgrade row %v; want this UpgradeCode, VersionMax 1.1.0 included (513)", up)
	}
	launch := exportTable(t, v1, "LaunchCondition")
	launch.find(t, "Condition", "Installed OR SERVER OR WIX_UPGRADE_DETECTED")
}

// checkConfigureActions checks that SERVER, ENROLL_SECRET and TAG reach
// agent.yaml through `parc-agent.exe service configure`, as LocalSystem,
// after the service is installed and before it starts, and only when given.
func checkConfigureActions(t *testing.T, msi string) {
	t.Helper()
	ca := exportTable(t, msi, "CustomAction")
	seq := exportTable(t, msi, "InstallExecuteSequence")
	at := func(action string) int {
		n, err := strconv.Atoi(seq.find(t, "Action", action)["Sequence"])
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for prop, flag := range map[string]string{"SERVER": "server", "ENROLL_SECRET": "enroll-secret", "TAG": "tag"} {
		id := map[string]string{"SERVER": "ConfigureServer", "ENROLL_SECRET": "ConfigureEnrollSecret", "TAG": "ConfigureTag"}[prop]
		a := ca.find(t, "Action", id)
		// 18 exe from an installed file + 1024 deferred + 2048 not impersonated.
		if a["Type"] != "3090" || a["Source"] != "ParcAgentExe" || a["Target"] != "service configure --"+flag+` "[`+prop+`]"` {
			t.Errorf("got custom action %v; want deferred, elevated `parc-agent.exe service configure --%s \"[%s]\"`", a, flag, prop)
		}
		if c := seq.find(t, "Action", id)["Condition"]; c != prop+" AND NOT REMOVE" {
			t.Errorf("%s runs on %q; want %q", id, c, prop+" AND NOT REMOVE")
		}
		if n := at(id); n <= at("InstallServices") || n >= at("StartServices") {
			t.Errorf("%s at %d; want between InstallServices (%d) and StartServices (%d)", id, n, at("InstallServices"), at("StartServices"))
		}
	}
	for _, a := range ca {
		typ, _ := strconv.Atoi(a["Type"])
		if typ&1024 == 0 { // immediate
			continue
		}
		if n := at(a["Action"]); n <= at("InstallInitialize") || n >= at("InstallFinalize") {
			t.Errorf("deferred action %s at %d; want between InstallInitialize and InstallFinalize", a["Action"], n)
		}
	}
	if c := seq.find(t, "Action", "PurgeData")["Condition"]; !strings.Contains(c, "NOT UPGRADINGPRODUCTCODE") || !strings.Contains(c, "PURGE") {
		t.Errorf("PurgeData runs on %q; want only on PURGE and never during an upgrade", c)
	}
}

// TestMSISigned signs with a throwaway certificate: the MSI and the
// parc-agent.exe inside it must both carry a valid signature.
func TestMSISigned(t *testing.T) {
	needTool(t, "wixl", "msiinfo", "msibuild", "msiextract", "osslsigncode", "openssl")
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	run(t, nil, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
		"-days", "2", "-subj", "/CN=Parc test signing")
	msi := buildMSI(t, "v1.0.0", "SIGN_CERT="+cert, "SIGN_KEY="+key)
	run(t, nil, "osslsigncode", "verify", "-in", msi, "-CAfile", cert)
	extract := t.TempDir()
	cmd := exec.Command("msiextract", "-C", extract, msi)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("msiextract: %v\n%s", err, b)
	}
	run(t, nil, "osslsigncode", "verify", "-in", filepath.Join(extract, "Parc", "parc-agent.exe"), "-CAfile", cert)

	unsigned := buildMSI(t, "v1.0.0")
	if out, err := runErr(nil, "osslsigncode", "verify", "-in", unsigned, "-CAfile", cert); err == nil {
		t.Errorf("an MSI built without SIGN_CERT verifies as signed:\n%s", out)
	}
}
