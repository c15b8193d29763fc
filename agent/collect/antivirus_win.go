package collect

import (
	"context"
	"encoding/binary"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qAntiVirus     = "SELECT displayName, instanceGuid, productState FROM AntiVirusProduct"
	regDefender    = `SOFTWARE\Microsoft\Windows Defender`
	regDefenderSig = regDefender + `\Signature Updates`
)

var reDefenderPlatform = regexp.MustCompile(`(?i)\\Platform\\(\d+(?:\.\d+)+)`)

// windowsAntivirus lists the antivirus products Windows Security Center
// knows. Security Center exists only on client editions; on Windows Server
// Microsoft Defender, installed and on by default since 2016, is read from
// its registry keys instead.
func windowsAntivirus(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	po, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Control\ProductOptions`)
	if err != nil {
		return fmt.Errorf("product type: %w", err)
	}
	if t := wStr(po, "ProductType"); t != "" && !strings.EqualFold(t, "WinNT") {
		return winServerDefender(env, r, t)
	}
	rows, err := winQuery(ctx, env, nsSecurity, qAntiVirus)
	if err != nil {
		return fmt.Errorf("security center: %w", err)
	}
	for _, p := range rows {
		av := inventory.Antivirus{
			Name:    wStr(p, "displayName"),
			GUID:    wStr(p, "instanceGuid"),
			Company: winAVCompany(wStr(p, "displayName")),
		}
		if state, ok := wNum(p, "productState"); ok {
			enabled, uptodate := winAVState(state)
			av.Enabled, av.UpToDate = &enabled, &uptodate
		}
		if av.Company == "Microsoft Corporation" {
			winDefenderDetails(env, &av)
		}
		r.Content.Antivirus = append(r.Content.Antivirus, av)
	}
	if len(r.Content.Antivirus) == 0 {
		return fmt.Errorf("security center lists no antivirus: %w", ErrNoData)
	}
	return nil
}

// winAVState decodes Security Center's productState the way GLPI Agent
// does: of its hex digits, the second-last byte's high nibble is 1 when
// real-time scanning is on, and the last byte is 00 when the signatures
// are up to date. Windows Defender on is 0x061100 (397568).
func winAVState(state int64) (enabled, uptodate bool) {
	return (state>>12)&0xF == 1, state&0xFF == 0
}

func winAVCompany(name string) string {
	n := strings.ToLower(name)
	for _, c := range []struct{ key, company string }{
		{"bitdefender", "Bitdefender"}, {"defender", "Microsoft Corporation"},
		{"microsoft", "Microsoft Corporation"}, {"eset", "ESET"}, {"kaspersky", "Kaspersky"},
		{"sophos", "Sophos"}, {"trend micro", "Trend Micro"}, {"mcafee", "McAfee"},
		{"norton", "Gen Digital"}, {"symantec", "Broadcom"}, {"avast", "Gen Digital"},
		{"avg", "Gen Digital"}, {"avira", "Gen Digital"}, {"f-secure", "WithSecure"},
		{"withsecure", "WithSecure"}, {"sentinelone", "SentinelOne"}, {"crowdstrike", "CrowdStrike"},
		{"malwarebytes", "Malwarebytes"}, {"panda", "WatchGuard"}, {"g data", "G DATA"},
	} {
		if strings.Contains(n, c.key) {
			return c.company
		}
	}
	return ""
}

// winDefenderDetails adds Defender's platform version and signature
// version and date from its registry keys.
func winDefenderDetails(env *Env, av *inventory.Antivirus) {
	if d, err := winReg(env, "HKLM", regDefender); err == nil {
		if m := reDefenderPlatform.FindStringSubmatch(wStr(d, "InstallLocation")); m != nil {
			av.Version = m[1]
		}
	}
	sig, err := winReg(env, "HKLM", regDefenderSig)
	if err != nil {
		return
	}
	av.BaseVersion = wStr(sig, "AVSignatureVersion")
	if t, ok := winRegFileTime(sig["SignaturesLastUpdated"]); ok {
		av.BaseCreation = t.In(env.Clock().Location()).Format(time.DateOnly)
	}
}

// winServerDefender reports Defender on Windows Server, where Security
// Center is absent. Its service key tells it is installed; the policy and
// real-time switches whether it is on; signatures older than a week count
// as out of date, Security Center's own threshold.
func winServerDefender(env *Env, r *inventory.Report, productType string) error {
	svc, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Services\WinDefend`)
	if err != nil || len(svc) == 0 {
		return fmt.Errorf("no Security Center on Windows Server (ProductType %s) and no Defender: %w", productType, ErrNoData)
	}
	av := inventory.Antivirus{Name: "Microsoft Defender Antivirus", Company: "Microsoft Corporation"}
	winDefenderDetails(env, &av)
	enabled := true
	for _, k := range []string{regDefender, `SOFTWARE\Policies\Microsoft\Windows Defender`} {
		if v, err := winReg(env, "HKLM", k); err == nil && (wBool(v, "DisableAntiSpyware") || wBool(v, "DisableAntiVirus")) {
			enabled = false
		}
	}
	if v, err := winReg(env, "HKLM", regDefender+`\Real-Time Protection`); err == nil && wBool(v, "DisableRealtimeMonitoring") {
		enabled = false
	}
	av.Enabled = &enabled
	if sig, err := winReg(env, "HKLM", regDefenderSig); err == nil {
		if t, ok := winRegFileTime(sig["SignaturesLastUpdated"]); ok {
			fresh := env.Clock().Sub(t) <= 7*24*time.Hour
			av.UpToDate = &fresh
		}
	}
	r.Content.Antivirus = append(r.Content.Antivirus, av)
	return nil
}

// winRegFileTime reads a FILETIME stored as 8 raw bytes or a QWORD.
func winRegFileTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case []byte:
		if len(x) >= 8 {
			return winFileTime(binary.LittleEndian.Uint64(x))
		}
	case uint64:
		return winFileTime(x)
	}
	return time.Time{}, false
}
