// The trampolines stack_trampolines.S defines, one per function of the text stack that Quire
// calls (scripts/gen-lazy-stack.py lists them). Each is a hidden symbol of the function's own
// name, so the linker binds Quire's calls to it and, with --as-needed, no longer names the
// library; the library is loaded on the first call of any of its functions instead of before
// main (the start-up `quire --help` and `quire layouts` need none of them for).
//
// A trampoline jumps through its slot. The slot starts at the function's stub, which hands
// the function's entry (name, slot, library) to the common resolver: it saves the argument
// registers (and %al, the vector count of a variadic call), asks quire_stack_resolve for the
// address, which also stores it in the slot, restores them and jumps there, so the function
// sees the call as its caller made it. Later calls cost one indirect jump.
#if defined(__x86_64__) && defined(__linux__)

.macro quire_stack_begin
    .text
    .p2align 4
    .type quire_stack_resolve_common, @function
quire_stack_resolve_common:
    // Entered with the return address at (%rsp), so %rsp is 8 mod 16; seven pushes make it
    // 0 mod 16 for movaps and the call.
    pushq %rdi
    pushq %rsi
    pushq %rdx
    pushq %rcx
    pushq %r8
    pushq %r9
    pushq %rax
    subq $128, %rsp
    movaps %xmm0, 0(%rsp)
    movaps %xmm1, 16(%rsp)
    movaps %xmm2, 32(%rsp)
    movaps %xmm3, 48(%rsp)
    movaps %xmm4, 64(%rsp)
    movaps %xmm5, 80(%rsp)
    movaps %xmm6, 96(%rsp)
    movaps %xmm7, 112(%rsp)
    movq %r11, %rdi
    call quire_stack_resolve
    movq %rax, %r11
    movaps 0(%rsp), %xmm0
    movaps 16(%rsp), %xmm1
    movaps 32(%rsp), %xmm2
    movaps 48(%rsp), %xmm3
    movaps 64(%rsp), %xmm4
    movaps 80(%rsp), %xmm5
    movaps 96(%rsp), %xmm6
    movaps 112(%rsp), %xmm7
    addq $128, %rsp
    popq %rax
    popq %r9
    popq %r8
    popq %rcx
    popq %rdx
    popq %rsi
    popq %rdi
    jmp *%r11
    .size quire_stack_resolve_common, .-quire_stack_resolve_common
.endm

.macro quire_stack_function name, library
    .text
    .p2align 4
    .globl \name
    .hidden \name
    .type \name, @function
\name:
    jmp *quire_slot_\name(%rip)
    .size \name, .-\name
quire_stub_\name:
    leaq quire_entry_\name(%rip), %r11
    jmp quire_stack_resolve_common

    .data
    .p2align 3
quire_slot_\name:
    .quad quire_stub_\name

    .section .rodata.str1.1, "aMS", @progbits, 1
quire_name_\name:
    .asciz "\name"

    // struct QuireStackEntry (stack_libraries.c), in a section of their own, so that
    // quire_stack_bind_markdown can walk them (the linker defines its start and end).
    .section quire_stack_entries, "aw"
    .p2align 3
quire_entry_\name:
    .quad quire_name_\name
    .quad quire_slot_\name
    .quad \library
.endm

// A library's variable the callers read, as a hidden variable of the same name holding
// `value`; listed after the functions.
.macro quire_stack_variable name, value
    .section .data.rel, "aw"
    .p2align 3
    .globl \name
    .hidden \name
    .type \name, @object
    .size \name, 8
\name:
    .quad \value
.endm

.macro quire_stack_end
    // The libraries stay on the link line (pkg-config names them, and so do the module maps),
    // but with every call bound to a trampoline nothing needs them: --as-needed, which must
    // come before them, leaves them out of the executable's NEEDED entries. Swift passes
    // each object's autolink entries to the linker after the objects and before the
    // pkg-config libraries, and this object comes before those that name the libraries.
    .section .swift1_autolink_entries, "e", @progbits
    .asciz "-Wl,--as-needed"
    .section .note.GNU-stack, "", @progbits
.endm

#else
// Elsewhere there are no trampolines: the libraries are linked as usual.
.macro quire_stack_begin
.endm
.macro quire_stack_function name, library
.endm
.macro quire_stack_variable name, value
.endm
.macro quire_stack_end
    .section .note.GNU-stack, "", @progbits
.endm
#endif
