package i18n

// frSLA is the French of en_sla.go.
var frSLA = map[string]string{
	"notify.sla_tto": "Le ticket n° %d doit être pris en charge avant le %s.",
	"notify.sla_ttr": "Le ticket n° %d doit être résolu avant le %s.",
}

func init() {
	for k, v := range frSLA {
		fr[k] = v
	}
}
