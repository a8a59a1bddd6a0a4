namespace Flint;

/// <summary>The kind of device a tensor lives on.</summary>
public enum DeviceType
{
    /// <summary>Host memory.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU.</summary>
    CUDA = 1,
    /// <summary>
    /// Apple's Metal Performance Shaders (TorchSharp's and libtorch's number): named so that programs written for
    /// it parse, but never available in Flint, as in a PyTorch build without MPS.
    /// </summary>
    MPS = 13,
}

// Nested in torch, as TorchSharp spells it (torch.Device); `Device` alone names it through the global using alias
// of Directory.Build.props and the package's buildTransitive/Flint.props.
public static partial class torch
{
    /// <summary>A device: <c>torch.device("cpu")</c>, <c>torch.device("cuda:0")</c>.</summary>
    public sealed class Device : IEquatable<Device>
    {
        /// <summary>The host (what <c>torch.CPU</c> names), for layers below the tensor API.</summary>
        internal static Device Host { get; } = new(DeviceType.CPU);

        /// <summary>The device kind.</summary>
        public DeviceType type { get; }
        /// <summary>The device ordinal; -1 when unspecified (the CPU has no ordinal).</summary>
        public int index { get; }

        /// <summary>Creates a device of the given kind and ordinal.</summary>
        public Device(DeviceType type, int index = -1)
        {
            this.type = type;
            this.index = type == DeviceType.CPU ? -1 : index;
        }

        /// <summary>Parses PyTorch's spelling: "cpu", "cuda", "cuda:1".</summary>
        public Device(string description)
        {
            var parts = description.Trim().ToLowerInvariant().Split(':');
            type = parts[0] switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                "mps" => DeviceType.MPS,
                _ => throw new ArgumentException($"Expected one of cpu, cuda, mps device type at start of device string: {description}"),
            };
            index = -1;
            if (parts.Length == 2 && type != DeviceType.CPU)
            {
                if (!int.TryParse(parts[1], out var i) || i < 0) throw new ArgumentException($"Invalid device string: '{description}'");
                index = i;
            }
            else if (parts.Length != 1) throw new ArgumentException($"Invalid device string: '{description}'");
        }

        /// <summary>"cpu", "cuda:0" or "mps", as PyTorch prints it.</summary>
        public override string ToString()
        {
            if (type == DeviceType.CPU) return "cpu";
            string name = type == DeviceType.MPS ? "mps" : "cuda";
            return index >= 0 ? $"{name}:{index}" : name;
        }

        /// <inheritdoc/>
        public bool Equals(Device? other) => other is not null && other.type == type && Math.Max(other.index, 0) == Math.Max(index, 0);
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Device d && Equals(d);
        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(type, Math.Max(index, 0));
        /// <summary>Equality by kind and ordinal.</summary>
        public static bool operator ==(Device? a, Device? b) => a is null ? b is null : a.Equals(b);
        /// <summary>Inequality by kind and ordinal.</summary>
        public static bool operator !=(Device? a, Device? b) => !(a == b);
    }
}
