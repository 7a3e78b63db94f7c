#pragma once
// Why: glibc keeps freed blocks for reuse, but after a large stage frees tens of megabytes
// (the files as read and parsed, once merged; the graph, once analysed) what comes next
// allocates other sizes on other threads' heaps, so the freed blocks would stay resident
// beside the new ones and raise the peak (docs/performance.md).

namespace entente {

/// Returns the heap's free pages to the kernel (malloc_trim; nothing where there is no glibc).
void return_free_memory();

}  // namespace entente
