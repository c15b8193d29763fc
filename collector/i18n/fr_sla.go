package i18n

// frSLA is the French of en_sla.go.
var frSLA = map[string]string{
	"notify.sla_tto":          "Le ticket n° %d doit être pris en charge avant le %s.",
	"notify.sla_ttr":          "Le ticket n° %d doit être résolu avant le %s.",
	"sla.tab":                 "Niveaux de service",
	"sla.title":               "Niveaux de service",
	"sla.intro":               "Les délais de prise en charge (TTO) et de résolution (TTR) comptent le temps ouvré d'un calendrier ; le temps passé en attente ne compte pas. L'échéance TTR devient la date d'échéance du ticket.",
	"sla.calendars":           "Calendriers des heures ouvrées",
	"sla.new_calendar":        "Nouveau calendrier",
	"sla.timezone":            "Fuseau horaire (vide : celui du serveur)",
	"sla.hours_of_work":       "Heures d'ouverture",
	"sla.holidays":            "Jours fériés et fermetures",
	"sla.syntax_hours":        "Heures d'ouverture : une ligne par jour ou plage de jours, par ex. « lun-ven 08:30-12:00 13:30-17:30 ». Sans aucune heure, le calendrier est ouvert 24 h/24, 7 j/7.",
	"sla.syntax_holidays":     "Fermetures : une par ligne, un jour ou une plage puis un nom, par ex. « 2026-12-24..2027-01-02 Fermeture » ; sans année (« 05-01 Fête du travail »), elle revient chaque année.",
	"sla.rules":               "Règles de SLA",
	"sla.rules_help":          "Pour chaque type, la règle la plus précise s'applique : catégorie et priorité, puis catégorie, puis priorité, puis une règle pour tout ticket. L'alerte (en minutes avant l'échéance) prévient les techniciens attribués par courriel.",
	"sla.kind":                "Type",
	"sla.tto":                 "Délai de prise en charge",
	"sla.ttr":                 "Délai de résolution",
	"sla.hours":               "Heures",
	"sla.calendar":            "Calendrier",
	"sla.always":              "24 h/24, 7 j/7",
	"sla.category":            "Catégorie",
	"sla.priority":            "Priorité",
	"sla.any_category":        "Toute catégorie",
	"sla.any_priority":        "Toute priorité",
	"sla.warn":                "Alerte (minutes avant)",
	"sla.warn_short":          "alerte min",
	"sla.err_name":            "Le nom manque ou dépasse %d caractères.",
	"sla.err_timezone":        "Fuseau horaire : %q n'est pas un nom de fuseau connu (par ex. Europe/Paris).",
	"sla.err_segments":        "Heures d'ouverture : %s.",
	"sla.err_holidays":        "Fermetures : %s.",
	"sla.err_calendar_exists": "Un calendrier porte déjà ce nom.",
	"sla.err_calendar_used":   "Des règles de SLA utilisent ce calendrier : modifiez-les ou supprimez-les d'abord.",
	"sla.err_kind":            "Type : choisissez le délai de prise en charge ou de résolution.",
	"sla.err_hours":           "Heures : indiquez un nombre d'heures positif, au plus %d (décimales permises, par ex. 1,5).",
	"sla.err_warn":            "Alerte : indiquez un nombre entier de minutes, pas plus long que le délai de la règle.",
	"sla.err_priority":        "Priorité : choisissez-en une de la liste.",
	"sla.badge_late":          "En retard",
	"sla.badge_at_risk":       "À risque",
	"sla.met":                 "respecté",
	"sla.elapsed":             "Temps ouvré décompté",
	"sla.paused":              "%s en attente, non décomptées",
	"sla.clock_stopped":       "Décompte arrêté (en attente)",
	"sla.late_tto":            "%d non pris en charge dans les délais",
}

func init() {
	for k, v := range frSLA {
		fr[k] = v
	}
}
