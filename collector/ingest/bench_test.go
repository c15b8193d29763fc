package ingest

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/inventory"
)

// synthReport builds a realistic full report of PC number i: about 150
// software entries, CPUs, memories, disks, volumes, three NICs, a monitor.
func synthReport(i int, rnd *rand.Rand) *inventory.Report {
	r := &inventory.Report{Action: "inventory", DeviceID: fmt.Sprintf("PC-%05d-2026-01-01-00-00-00", i), ItemType: "Computer"}
	c := &r.Content
	c.VersionClient = "Parc-Agent_v0.1.0"
	c.Hardware = &inventory.Hardware{Name: fmt.Sprintf("PC-%05d", i), UUID: fmt.Sprintf("4c4c4544-%04x-3010-8048-b6c04f50%04x", i%65536, i/65536),
		Memory: 16000, ChassisType: "Laptop", Workgroup: "MAIRIE", LastLoggedUser: fmt.Sprintf("user%d", i)}
	c.Bios = &inventory.Bios{SSN: fmt.Sprintf("SN%08d", i), SManufacturer: "Dell Inc.", SModel: "Latitude 5420", BVersion: "1.20.0", BDate: "2023-05-01"}
	c.OperatingSystem = &inventory.OperatingSystem{Name: "Windows", FullName: "Microsoft Windows 11 Pro", Version: "23H2", Arch: "64-bit", KernelVersion: "10.0.22631"}
	c.CPUs = []inventory.CPU{{Name: "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz", Core: 4, Thread: 8, Speed: 2600, Manufacturer: "Intel"}}
	c.Memories = []inventory.Memory{{Caption: "DIMM A", Capacity: 8192, Type: "DDR4", NumSlots: 1, SerialNumber: fmt.Sprint(rnd.Int31())},
		{Caption: "DIMM B", Capacity: 8192, Type: "DDR4", NumSlots: 2, SerialNumber: fmt.Sprint(rnd.Int31())}}
	c.Storages = []inventory.Storage{{Name: `\\.\PHYSICALDRIVE0`, Model: "PM9A1 NVMe Samsung 512GB", Serial: fmt.Sprint(rnd.Int63()), DiskSize: 512110, Interface: "NVMe"}}
	c.Drives = []inventory.Drive{{Letter: "C:", FileSystem: "NTFS", Total: 487000, Free: int64(100000 + rnd.Intn(200000))}, {Letter: "D:", FileSystem: "NTFS", Total: 1000, Free: 500}}
	for n := 0; n < 3; n++ {
		c.Networks = append(c.Networks, inventory.Network{Description: []string{"Intel(R) Ethernet Connection I219-LM", "Intel(R) Wi-Fi 6 AX201", "Bluetooth Device"}[n],
			MAC: fmt.Sprintf("3c:52:%02x:%02x:%02x:%02x", n, (i>>16)&0xff, (i>>8)&0xff, i&0xff), IPAddress: fmt.Sprintf("10.1.%d.%d", (i>>8)&0xff, i&0xff), Status: "up"})
	}
	c.Monitors = []inventory.Monitor{{Caption: "DELL P2419H", Manufacturer: "Dell Inc.", Serial: fmt.Sprintf("CFV9N%06d", i)}}
	c.Videos = []inventory.Video{{Name: "Intel(R) Iris(R) Xe Graphics", Resolution: "1920x1080"}}
	c.Antivirus = []inventory.Antivirus{{Name: "Windows Defender", Company: "Microsoft Corporation"}}
	for n := 0; n < 150; n++ {
		// Most software is common to the park; a few entries are rare.
		id := n
		if n%10 == 0 {
			id = 1000 + rnd.Intn(2000)
		}
		c.Softwares = append(c.Softwares, inventory.Software{Name: fmt.Sprintf("Application %d", id), Publisher: fmt.Sprintf("Vendor %d", id%40),
			Version: fmt.Sprintf("%d.%d", id%7, id%13), Arch: "x86_64", InstallDate: "2024-01-15", From: "registry"})
	}
	return r
}

// partialOf is what an agent sends between full inventories: the
// identity sections and the volumes, whose free space changed.
func partialOf(r *inventory.Report, rnd *rand.Rand) *inventory.Report {
	p := &inventory.Report{Action: r.Action, DeviceID: r.DeviceID, ItemType: r.ItemType, Partial: true}
	p.Content.VersionClient = r.Content.VersionClient
	p.Content.Hardware, p.Content.Bios = r.Content.Hardware, r.Content.Bios
	p.Content.Drives = append([]inventory.Drive(nil), r.Content.Drives...)
	p.Content.Drives[0].Free = int64(100000 + rnd.Intn(200000))
	return p
}

func benchIngester(b *testing.B) (*Ingester, store.Store) {
	st := storetest.Open(b, "sqlite")
	in, err := New(st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	return in, st
}

// BenchmarkIngest measures reports per second on SQLite (synchronous=FULL,
// one transaction per report): a first full report (new asset), an
// unchanged full report, a full report with a few changes, and a partial.
func BenchmarkIngest(b *testing.B) {
	const park = 200
	setup := func(b *testing.B) (*Ingester, []*inventory.Report, *rand.Rand) {
		in, _ := benchIngester(b)
		rnd := rand.New(rand.NewSource(1))
		reps := make([]*inventory.Report, park)
		for i := range reps {
			reps[i] = synthReport(i, rnd)
			mustIngest(b, in, Source{Origin: "agent"}, reps[i])
		}
		return in, reps, rnd
	}
	b.Run("full_new", func(b *testing.B) {
		in, _ := benchIngester(b)
		rnd := rand.New(rand.NewSource(2))
		reps := make([]*inventory.Report, b.N)
		for i := range reps {
			reps[i] = synthReport(i, rnd)
		}
		b.ResetTimer()
		defer reportCPU(b, processCPU())
		for i := 0; i < b.N; i++ {
			mustIngest(b, in, Source{Origin: "agent"}, reps[i])
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
	b.Run("full_unchanged", func(b *testing.B) {
		in, reps, _ := setup(b)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			mustIngest(b, in, Source{Origin: "agent"}, reps[i%park])
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
	b.Run("full_changed", func(b *testing.B) {
		in, reps, rnd := setup(b)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r := reps[i%park]
			r.Content.Drives[0].Free = int64(100000 + rnd.Intn(200000))
			r.Content.Softwares[i%150].Version = fmt.Sprintf("%d.%d", i, rnd.Intn(100))
			mustIngest(b, in, Source{Origin: "agent"}, r)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
	b.Run("partial", func(b *testing.B) {
		in, reps, rnd := setup(b)
		parts := make([]*inventory.Report, b.N)
		for i := range parts {
			parts[i] = partialOf(reps[i%park], rnd)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			mustIngest(b, in, Source{Origin: "agent"}, parts[i])
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
}

// BenchmarkIngestConcurrent sends reports from 8 goroutines per CPU, as
// many agents do, so SQLite commits are shared (group commit): first full
// reports of new PCs (the load tool's "full" phase), full reports with a
// few changes, partial reports.
func BenchmarkIngestConcurrent(b *testing.B) {
	const park = 400
	for _, kind := range []string{"full_new", "full_changed", "partial"} {
		b.Run(kind, func(b *testing.B) {
			in, _ := benchIngester(b)
			rnd := rand.New(rand.NewSource(1))
			reps := make([]*inventory.Report, park)
			for i := range reps {
				reps[i] = synthReport(i, rnd)
				mustIngest(b, in, Source{Origin: "agent"}, reps[i])
			}
			work := make([]*inventory.Report, b.N)
			for i := range work {
				r := reps[i%park]
				if kind == "full_new" {
					work[i] = synthReport(park+i, rnd)
					continue
				}
				if kind == "partial" {
					work[i] = partialOf(r, rnd)
					continue
				}
				c := clone(b, r)
				c.Content.Drives[0].Free = int64(100000 + rnd.Intn(200000))
				c.Content.Softwares[i%150].Version = fmt.Sprintf("%d.%d", i, rnd.Intn(100))
				work[i] = c
			}
			var next atomic.Int64
			b.SetParallelism(8)
			b.ResetTimer()
			defer reportCPU(b, processCPU())
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := next.Add(1) - 1
					// Reports of one PC are serial in reality (one agent);
					// spread the work so that is mostly true here too.
					if _, err := in.Ingest(ctx, Source{Origin: "agent"}, work[i]); err != nil {
						b.Error(err)
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}

// processCPU is the CPU time this process has used so far. The machine
// running benchmarks is often shared, so CPU per report is the steadier
// figure next to reports per second.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation spent since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(processCPU()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
