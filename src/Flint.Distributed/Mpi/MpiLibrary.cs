using System.Runtime.InteropServices;

namespace Flint.Distributed.Mpi;

/// <summary>
/// The system's MPI library (Open MPI's <c>libmpi.so.40</c>), opened at run time so Flint keeps no native
/// dependency, and the few entry points and predefined handles Flint.Distributed uses. Open MPI's handles
/// (<c>MPI_Comm</c>, <c>MPI_Datatype</c>, <c>MPI_Op</c>, <c>MPI_Request</c>) are pointers; a predefined one is
/// the address of an exported global (<c>MPI_COMM_WORLD</c> is <c>&amp;ompi_mpi_comm_world</c>).
/// Only <see cref="MpiThread"/> calls these.
/// </summary>
internal static unsafe class MpiLibrary
{
    public const int Success = 0;
    public const int AnySource = -1;
    public const int ThreadSerialized = 2;
    public const int Undefined = -32766;
    /// <summary>Open MPI's <c>MPI_IN_PLACE</c>.</summary>
    public static readonly nint InPlace = 1;

    private const int RtldNow = 2, RtldGlobal = 0x100;

    // Open MPI loads its components with dlopen and they resolve symbols from libmpi, so libmpi must be
    // opened RTLD_GLOBAL (as mpi4py does); NativeLibrary.Load opens libraries RTLD_LOCAL.
    [DllImport("libc", EntryPoint = "dlopen")]
    private static extern nint DlOpen([MarshalAs(UnmanagedType.LPStr)] string file, int mode);

    [DllImport("libc", EntryPoint = "dlerror")]
    private static extern nint DlError();

    private static readonly string[] Candidates = ["libmpi.so.40", "libmpi.so"];

    public static nint Handle { get; private set; }

    public static delegate* unmanaged<int*, int> Initialized;
    public static delegate* unmanaged<int*, int> Finalized;
    public static delegate* unmanaged<int*, nint, int, int*, int> InitThread;
    public static delegate* unmanaged<int> Finalize;
    public static delegate* unmanaged<nint, int, int> Abort;
    public static delegate* unmanaged<nint, int*, int> CommRank;
    public static delegate* unmanaged<nint, int*, int> CommSize;
    public static delegate* unmanaged<nint, nint, int> CommSetErrhandler;
    public static delegate* unmanaged<int, byte*, int*, int> ErrorString;
    public static delegate* unmanaged<nint, int> Barrier;
    public static delegate* unmanaged<nint, int, nint, int, nint, int> Bcast;
    public static delegate* unmanaged<nint, nint, int, nint, nint, nint, int> Allreduce;
    public static delegate* unmanaged<nint, nint, int, nint, nint, int, nint, int> Reduce;
    public static delegate* unmanaged<nint, int, nint, nint, int, nint, nint, int> Allgather;
    public static delegate* unmanaged<nint, int, nint, nint, int, nint, int, nint, int> Gather;
    public static delegate* unmanaged<nint, int, nint, nint, int, nint, int, nint, int> Scatter;
    public static delegate* unmanaged<nint, nint, int, nint, nint, nint, int> ReduceScatterBlock;
    public static delegate* unmanaged<nint, int*, int*, nint, nint, int*, int*, nint, nint, int> Alltoallv;
    public static delegate* unmanaged<nint, int, nint, int, int, nint, nint*, int> Isend;
    public static delegate* unmanaged<nint, int, nint, int, int, nint, nint*, int> Irecv;
    public static delegate* unmanaged<nint*, int*, MpiStatus*, int> Test;
    public static delegate* unmanaged<nint, nint*, int> CommGroup;
    public static delegate* unmanaged<nint, int, int*, nint*, int> GroupIncl;
    public static delegate* unmanaged<nint*, int> GroupFree;
    public static delegate* unmanaged<nint, nint, nint*, int> CommCreate;
    public static delegate* unmanaged<nint*, int> CommFree;

    public static nint CommWorld, CommNull, ErrorsReturn;
    public static nint Byte, UInt8, Int8, Int16, Int32, Int64, Float, Double;
    public static nint OpSum, OpProd, OpMin, OpMax;

    /// <summary>Opens the library and resolves every symbol; throws with what to install when it is absent.</summary>
    public static void Load()
    {
        if (Handle != 0) return;
        nint h = 0;
        var tried = new List<string>();
        foreach (var name in Candidates)
        {
            h = DlOpen(name, RtldNow | RtldGlobal);
            if (h != 0) break;
            tried.Add($"{name}: {Marshal.PtrToStringAnsi(DlError())}");
        }
        if (h == 0)
            throw new DllNotFoundException("Flint.Distributed needs an MPI library (Open MPI's libmpi.so.40) and found none; " +
                "install Open MPI (Debian/Ubuntu: apt-get install openmpi-bin libopenmpi-dev) and launch with mpirun. Tried: " + string.Join("; ", tried));
        Initialized = (delegate* unmanaged<int*, int>)Fn(h, "MPI_Initialized");
        Finalized = (delegate* unmanaged<int*, int>)Fn(h, "MPI_Finalized");
        InitThread = (delegate* unmanaged<int*, nint, int, int*, int>)Fn(h, "MPI_Init_thread");
        Finalize = (delegate* unmanaged<int>)Fn(h, "MPI_Finalize");
        Abort = (delegate* unmanaged<nint, int, int>)Fn(h, "MPI_Abort");
        CommRank = (delegate* unmanaged<nint, int*, int>)Fn(h, "MPI_Comm_rank");
        CommSize = (delegate* unmanaged<nint, int*, int>)Fn(h, "MPI_Comm_size");
        CommSetErrhandler = (delegate* unmanaged<nint, nint, int>)Fn(h, "MPI_Comm_set_errhandler");
        ErrorString = (delegate* unmanaged<int, byte*, int*, int>)Fn(h, "MPI_Error_string");
        Barrier = (delegate* unmanaged<nint, int>)Fn(h, "MPI_Barrier");
        Bcast = (delegate* unmanaged<nint, int, nint, int, nint, int>)Fn(h, "MPI_Bcast");
        Allreduce = (delegate* unmanaged<nint, nint, int, nint, nint, nint, int>)Fn(h, "MPI_Allreduce");
        Reduce = (delegate* unmanaged<nint, nint, int, nint, nint, int, nint, int>)Fn(h, "MPI_Reduce");
        Allgather = (delegate* unmanaged<nint, int, nint, nint, int, nint, nint, int>)Fn(h, "MPI_Allgather");
        Gather = (delegate* unmanaged<nint, int, nint, nint, int, nint, int, nint, int>)Fn(h, "MPI_Gather");
        Scatter = (delegate* unmanaged<nint, int, nint, nint, int, nint, int, nint, int>)Fn(h, "MPI_Scatter");
        ReduceScatterBlock = (delegate* unmanaged<nint, nint, int, nint, nint, nint, int>)Fn(h, "MPI_Reduce_scatter_block");
        Alltoallv = (delegate* unmanaged<nint, int*, int*, nint, nint, int*, int*, nint, nint, int>)Fn(h, "MPI_Alltoallv");
        Isend = (delegate* unmanaged<nint, int, nint, int, int, nint, nint*, int>)Fn(h, "MPI_Isend");
        Irecv = (delegate* unmanaged<nint, int, nint, int, int, nint, nint*, int>)Fn(h, "MPI_Irecv");
        Test = (delegate* unmanaged<nint*, int*, MpiStatus*, int>)Fn(h, "MPI_Test");
        CommGroup = (delegate* unmanaged<nint, nint*, int>)Fn(h, "MPI_Comm_group");
        GroupIncl = (delegate* unmanaged<nint, int, int*, nint*, int>)Fn(h, "MPI_Group_incl");
        GroupFree = (delegate* unmanaged<nint*, int>)Fn(h, "MPI_Group_free");
        CommCreate = (delegate* unmanaged<nint, nint, nint*, int>)Fn(h, "MPI_Comm_create");
        CommFree = (delegate* unmanaged<nint*, int>)Fn(h, "MPI_Comm_free");
        CommWorld = Fn(h, "ompi_mpi_comm_world");
        CommNull = Fn(h, "ompi_mpi_comm_null");
        ErrorsReturn = Fn(h, "ompi_mpi_errors_return");
        Byte = Fn(h, "ompi_mpi_byte");
        UInt8 = Fn(h, "ompi_mpi_uint8_t");
        Int8 = Fn(h, "ompi_mpi_int8_t");
        Int16 = Fn(h, "ompi_mpi_int16_t");
        Int32 = Fn(h, "ompi_mpi_int32_t");
        Int64 = Fn(h, "ompi_mpi_int64_t");
        Float = Fn(h, "ompi_mpi_float");
        Double = Fn(h, "ompi_mpi_double");
        OpSum = Fn(h, "ompi_mpi_op_sum");
        OpProd = Fn(h, "ompi_mpi_op_prod");
        OpMin = Fn(h, "ompi_mpi_op_min");
        OpMax = Fn(h, "ompi_mpi_op_max");
        Handle = h;
    }

    private static nint Fn(nint lib, string name) =>
        NativeLibrary.TryGetExport(lib, name, out var p) ? p
            : throw new EntryPointNotFoundException($"the MPI library has no '{name}'; Flint.Distributed supports Open MPI 4 (libmpi.so.40)");

    /// <summary>Throws with MPI's own text when <paramref name="rc"/> is an error.</summary>
    public static void Check(int rc, string what)
    {
        if (rc == Success) return;
        var buf = stackalloc byte[512];
        int len = 0;
        string text = ErrorString(rc, buf, &len) == Success ? Marshal.PtrToStringAnsi((nint)buf, len) : $"error {rc}";
        throw new DistBackendError($"{what} failed in MPI: {text}");
    }
}

/// <summary>Open MPI's <c>MPI_Status</c> (4.x layout).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MpiStatus
{
    public int Source;
    public int Tag;
    public int Error;
    public int Cancelled;
    public nuint Count;
}
