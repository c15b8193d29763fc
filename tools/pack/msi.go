package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// secureProperties may be passed on the msiexec command line even when the
// installation runs elevated on behalf of a user (managed installs).
// wixl has no Secure attribute, so they are added to its list afterwards.
var secureProperties = []string{"SERVER", "ENROLL_SECRET", "TAG", "PURGE"}

func cmdMSI(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("msi", "-wxs FILE -version V -exe FILE -license FILE [-data DIR] -out FILE", stderr)
	wxs := fs.String("wxs", "", "WiX source (installers/windows/parc-agent.wxs)")
	version := fs.String("version", "", "git version (git describe), turned into the MSI version")
	exe := fs.String("exe", "", "parc-agent.exe for windows/amd64")
	lic := fs.String("license", "", "license file installed beside the program")
	data := fs.String("data", "", "folder of the data files installed beside the program (default: ../data from the WiX source, installers/data)")
	out := fs.String("out", "", "the MSI to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "wxs", "version", "exe", "license", "out"); err != nil {
		return err
	}
	s, err := signerFromEnv()
	if err != nil {
		return err
	}
	if *data == "" {
		*data = filepath.Join(filepath.Dir(*wxs), "..", "data")
	}
	if err := buildMSI(*wxs, *version, *exe, *lic, *data, *out, s); err != nil {
		return err
	}
	if s == nil {
		fmt.Fprintln(stderr, "pack msi: SIGN_CERT and SIGN_KEY are not set; the MSI is not signed")
	}
	fmt.Fprintln(stdout, *out)
	return nil
}

// msiData maps the data files the WiX source installs (staged name) to
// their file in the data folder: GLPI's sysobject.ids and its license.
var msiData = map[string]string{
	"sysobject.ids":             "sysobject.ids",
	"sysobject.ids.LICENSE.txt": "sysobject.ids.LICENSE",
}

// buildMSI compiles wxs with wixl into out. With a signer, parc-agent.exe
// is signed before it goes into the MSI, and the MSI after.
func buildMSI(wxs, gitVersion, exe, lic, data, out string, s *signer) error {
	version, err := msiVersion(gitVersion)
	if err != nil {
		return err
	}
	stage, err := os.MkdirTemp("", "parc-msi")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	stagedExe := filepath.Join(stage, "parc-agent.exe")
	if err := copyFile(exe, stagedExe); err != nil {
		return err
	}
	if s != nil {
		if err := s.sign(stagedExe, "Parc Agent"); err != nil {
			return err
		}
	}
	if err := copyFile(lic, filepath.Join(stage, "LICENSE.txt")); err != nil {
		return err
	}
	for staged, src := range msiData {
		if err := copyFile(filepath.Join(data, src), filepath.Join(stage, staged)); err != nil {
			return fmt.Errorf("data file for the MSI: %w", err)
		}
	}
	absWxs, err := filepath.Abs(wxs)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(absOut), 0o755); err != nil {
		return err
	}
	os.Remove(absOut)
	// wixl finds the Source files relative to its working directory only.
	wixl := exec.Command("wixl", "-a", "x64", "-D", "Version="+version, "-o", absOut, absWxs)
	wixl.Dir = stage
	if err := runCmd(wixl); err != nil {
		return err
	}
	// wixl may report a database error and still exit 0.
	if _, err := os.Stat(absOut); err != nil {
		return fmt.Errorf("wixl wrote no %s", out)
	}
	if err := completeMSI(absOut); err != nil {
		return err
	}
	if s != nil {
		return s.sign(out, "Parc Agent installer")
	}
	return nil
}

// completeMSI adds what wixl cannot express: secureProperties in
// SecureCustomProperties, and the same version in the upgrade range.
func completeMSI(msi string) error {
	if err := addSecureProperties(msi); err != nil {
		return err
	}
	return includeSameVersion(msi)
}

// includeSameVersion makes the upgrade row's VersionMax inclusive
// (Attributes 1|512: migrate features, maximum included), so a rebuild of
// the installed version (every untagged build is 0.0.0) replaces it
// instead of installing beside it. Attributes is part of the table's key:
// the row is replaced, not updated.
func includeSameVersion(msi string) error {
	rows, err := exportTable(msi, "Upgrade")
	if err != nil {
		return err
	}
	for _, r := range rows {
		// UpgradeCode, VersionMin, VersionMax, Language, Attributes, Remove, ActionProperty
		if len(r) != 7 || r[6] != "WIX_UPGRADE_DETECTED" {
			continue
		}
		return runTool("msibuild", msi,
			"-q", "DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'",
			"-q", fmt.Sprintf("INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) "+
				"VALUES ('%s', '%s', 513, 'WIX_UPGRADE_DETECTED')", r[0], r[2]))
	}
	return fmt.Errorf("%s: no WIX_UPGRADE_DETECTED row in the Upgrade table; is MajorUpgrade in the .wxs?", msi)
}

// exportTable returns the rows of an MSI table, without the three header
// lines of msiinfo export (names, types, table and keys).
func exportTable(msi, table string) ([][]string, error) {
	out, err := exec.Command("msiinfo", "export", msi, table).Output()
	if err != nil {
		return nil, fmt.Errorf("msiinfo export %s %s: %w", msi, table, err)
	}
	lines := strings.Split(strings.ReplaceAll(string(out), "\r\n", "\n"), "\n")
	var rows [][]string
	for i, l := range lines {
		if i < 3 || l == "" {
			continue
		}
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows, nil
}

// addSecureProperties appends secureProperties to the MSI's
// SecureCustomProperties, which wixl fills with the upgrade properties.
func addSecureProperties(msi string) error {
	rows, err := exportTable(msi, "Property")
	if err != nil {
		return err
	}
	var list []string
	for _, r := range rows {
		if len(r) == 2 && r[0] == "SecureCustomProperties" {
			list = strings.Split(r[1], ";")
		}
	}
	query := "UPDATE `Property` SET `Value` = '%s' WHERE `Property` = 'SecureCustomProperties'"
	if list == nil {
		query = "INSERT INTO `Property` (`Property`, `Value`) VALUES ('SecureCustomProperties', '%s')"
	}
	list = append(list, secureProperties...)
	return runTool("msibuild", msi, "-q", fmt.Sprintf(query, strings.Join(list, ";")))
}

// runTool runs an external tool, returning its output in the error.
func runTool(name string, args ...string) error {
	return runCmd(exec.Command(name, args...))
}

func runCmd(cmd *exec.Cmd) error {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", filepath.Base(cmd.Path), err, out.Bytes())
	}
	return nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o755)
}
