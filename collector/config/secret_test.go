package config

import (
	"strings"
	"testing"
)

func TestSecretKey(t *testing.T) {
	env := map[string]string{"PARC_SECRET_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"PARC_SNMP_SYSOBJECT_IDS": "/srv/parc/sysobject.ids"}
	c := Default()
	if err := c.ApplyEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("got %v; want a valid 32-byte key", err)
	}
	if c.SNMP.SysObjectIDs != "/srv/parc/sysobject.ids" {
		t.Errorf("got sysobject_ids %q; want the PARC_SNMP_SYSOBJECT_IDS value", c.SNMP.SysObjectIDs)
	}
	for _, bad := range []string{"short", "AAECAwQFBgcICQoLDA0ODw=="} {
		c.SecretKey = bad
		if err := c.Validate(); err == nil || !strings.HasPrefix(err.Error(), "secret_key:") {
			t.Errorf("key %q: got %v; want an error naming secret_key", bad, err)
		}
	}
}
