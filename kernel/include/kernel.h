/* kernel.h - kernel-wide services: console, panic, time, memory, exit. */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/boot_info.h"

struct trap_frame;

/* Physical <-> direct-map virtual. */
static inline void *phys_to_virt(uint64_t pa) { return (void *)(pa + DIRECT_MAP_BASE); }
static inline uint64_t virt_to_phys(const void *va) { return (uint64_t)va - DIRECT_MAP_BASE; }

/* console.c: everything printed goes to the serial port and the framebuffer. */
extern volatile bool console_unlocked;     /* set by a panic: kprintf takes no lock (console.c) */
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list ap);
void console_write(const char *s, size_t n);
void console_write_raw(const char *s, size_t n);  /* the serial port gets NL as it is (ldisc_output) */
extern uint64_t console_writes;    /* console_write calls so far (the tty sees other output) */
unsigned console_column(void);     /* where the next byte lands: 0 after a newline, tabs every 8 */

/* arch/x86_64/serial.c */
void serial_init(void);
void serial_write(const char *s, size_t n);      /* NL goes out as CR NL */
void serial_write_raw(const char *s, size_t n);  /* as it is (the tty did its output processing) */
int serial_getc(void);             /* a received byte, or -1 when none is waiting */
void serial_irq_enable(void);      /* raise IRQ 4 when a byte arrives */

/* fbcon.c: text console on the GOP framebuffer; false when there is none. */
bool fbcon_init(const struct bi_framebuffer *fb);
void fbcon_write(const char *s, size_t n);
bool fbcon_active(void);

/* panic.c: print `KERNEL PANIC:`, dump, exit QEMU with KEXIT_PANIC. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void panic_frame(const struct trap_frame *tf, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/*
 * arch/x86_64/exit.c: tell QEMU (isa-debug-exit at port 0xf4) how the run
 * ended; QEMU's own exit status becomes (code << 1) | 1. Without the device
 * the CPU just halts.
 */
enum kexit { KEXIT_SUCCESS = 0x10, KEXIT_FAILURE = 0x11, KEXIT_PANIC = 0x12 };
void machine_exit(enum kexit code) __attribute__((noreturn));

/* arch/x86_64/lapic.c */
#define LAPIC_TIMER_DIVISOR 16     /* the LAPIC timer counts its input clock / 16 */
void lapic_init(void);             /* the BSP: legacy PICs masked, then lapic_cpu_init */
void lapic_cpu_init(void);         /* this CPU's LAPIC on, timer masked (every CPU) */
void lapic_eoi(void);
uint32_t lapic_id(void);           /* this CPU's APIC ID (an IOAPIC destination) */
/* Inter-processor interrupts (xAPIC ICR). Each waits until the LAPIC has
 * sent the previous one. lapic_send_ipi: fixed vector to one CPU by APIC
 * id; lapic_send_init / _sipi: the MP start-up pair (vector = the start
 * page's number); lapic_send_nmi_others: an NMI to all but this CPU. */
void lapic_send_ipi(uint32_t apic_id, uint8_t vector);
void lapic_send_init(uint32_t apic_id);
void lapic_send_sipi(uint32_t apic_id, uint8_t page);
void lapic_send_nmi_others(void);
void lapic_timer_periodic(uint8_t vector, uint32_t count);
uint32_t lapic_timer_current(void);
void lapic_timer_oneshot_max(void);
/* For the interrupt-latency measurement (time/irqbench.c); lapic_timer_periodic
 * puts the timer back. TSC-deadline mode: arm it with wrmsr(MSR_TSC_DEADLINE).
 * One-shot mode counts the input clock undivided; lapic_timer_arm starts a
 * count and returns the TSC read just before. */
void lapic_timer_tsc_deadline(uint8_t vector);
void lapic_timer_oneshot(uint8_t vector);
uint64_t lapic_timer_arm(uint32_t count);

/* mm/frames.c: the kernel's physical frame allocator. */
void frames_init(const struct boot_info *bi);
uint64_t frame_alloc(void);        /* zeroed frame with one reference, or 0 */
uint64_t frame_alloc_raw(void);    /* the same, not zeroed (the caller fills it all) */
void page_zero(void *page);        /* 4 KiB of zeros, a quadword at a time */
void page_copy(void *dst, const void *src);  /* 4 KiB, a quadword at a time */
void frame_free(uint64_t pa);      /* free it now, whatever its count */
void frame_get(uint64_t pa);       /* one more reference to a frame in use */
bool frame_put(uint64_t pa);       /* drop one; true when that freed the frame */
unsigned frame_refs(uint64_t pa);  /* its references (0: free) */
uint64_t frame_alloc_contig(uint64_t count); /* not zeroed; 0 when impossible */
uint64_t frames_free_count(void);
uint64_t frames_total(void);

/* mm/vmm.c: the kernel's page tables. */
#define PTE_P   0x001ULL
#define PTE_W   0x002ULL
#define PTE_U   0x004ULL
#define PTE_PWT 0x008ULL
#define PTE_PCD 0x010ULL
#define PTE_PS  0x080ULL
#define PTE_G   0x100ULL
#define PTE_NX  (1ULL << 63)
#define PTE_ADDR 0x000ffffffffff000ULL
void vmm_init(const struct boot_info *bi);
int vmm_map(uint64_t va, uint64_t pa, uint64_t flags);   /* 4 KiB page; 0 or -1 */
uint64_t vmm_translate(uint64_t va);                    /* phys, or ~0 when unmapped */
uint64_t vmm_flags(uint64_t va);                        /* the leaf entry minus its address, 0 when unmapped */
uint64_t kstack_alloc(size_t pages);                    /* guarded stack; returns its top (panics when out of memory) */
uint64_t kstack_try_alloc(size_t pages);                /* the same, or 0 when out of memory */
void kstack_free(uint64_t top, size_t pages);           /* back to a cache for kstack_alloc */
uint64_t *vmm_kernel_root(void);                        /* the kernel's PML4 (direct map) */
/* The entry for va at `level` (1 = PTE .. 3 = PDPTE) under root, making
 * missing tables (zeroed, rights PTE_P | tflags) when create is set; NULL
 * when a table is missing or a large page is in the way. */
uint64_t *pt_walk(uint64_t *root, uint64_t va, int level, bool create, uint64_t tflags);

/* mm/heap.c */
void *kmalloc(size_t n);
void *kzalloc(size_t n);
void kfree(void *p);

/* lib/string.c: what the compiler may call on its own. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/* main.c */
extern const struct boot_info *boot;
extern const char *cmdline;

/* ktest/ktest.c: run the in-kernel test suite; returns failures. */
int ktest_run(const char *only);

#endif
