#pragma once
// Handing freed memory back to the kernel between the stages of a large run.

namespace entente {

/// Returns the heap's free pages to the kernel (glibc's malloc_trim; nothing where there is
/// no glibc). For the points where a stage has just freed tens of megabytes that the stages
/// after it would not reuse: the party files' own lists once merged into the scenario, the
/// graph once analysed. glibc keeps freed blocks for reuse, but what comes next allocates
/// other sizes, on other threads' heaps, so without this the freed blocks stay resident
/// beside the new ones and raise the peak (docs/performance.md). Costs a pass over the free
/// blocks: about a millisecond on the benchmark scenario.
void return_free_memory();

}  // namespace entente
