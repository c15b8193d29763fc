package apiserver

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parcproject/parc/collector/store"
)

// metrics are the collector's Prometheus metrics.
type metrics struct {
	reports  *prometheus.CounterVec   // by result
	duration *prometheus.HistogramVec // ingest latency by result
	enrolls  *prometheus.CounterVec   // by result
	inflight prometheus.Gauge         // reports being ingested now
	bytes    prometheus.Histogram     // decompressed report sizes
}

// Report results, the "result" label.
const (
	resultCreated   = "created"
	resultUpdated   = "updated"
	resultDuplicate = "duplicate"
	resultInvalid   = "invalid"
	resultForbidden = "forbidden"
	resultTooLarge  = "too_large"
	resultError     = "error"
)

func newMetrics(reg *prometheus.Registry, st store.Store) *metrics {
	m := &metrics{
		reports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parc_ingest_reports_total", Help: "Inventory reports received, by result.",
		}, []string{"result"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parc_ingest_duration_seconds", Help: "Time to decode, check and store one report, by result.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"result"}),
		enrolls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parc_enrollments_total", Help: "Agent enrolment attempts, by result.",
		}, []string{"result"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "parc_ingest_in_flight", Help: "Reports being ingested right now.",
		}),
		bytes: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "parc_ingest_report_bytes", Help: "Size of reports once decompressed.",
			Buckets: prometheus.ExponentialBuckets(1024, 4, 9),
		}),
	}
	ping := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "parc_database_ping_seconds", Help: "Time the database takes to answer a ping (-1 if it does not).",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		if st.Ping(ctx) != nil {
			return -1
		}
		return time.Since(start).Seconds()
	})
	reg.MustRegister(m.reports, m.duration, m.enrolls, m.inflight, m.bytes, ping)
	return m
}
