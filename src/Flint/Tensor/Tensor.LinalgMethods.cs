using Flint.Ops;

namespace Flint;

// Thin forwards of the linalg methods PyTorch's Tensor has; the rules live in Ops/Linalg*.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The determinant of each square matrix (<see cref="torch.linalg.det"/>).</summary>
        public Tensor det() => Linalg.Det(this);

        /// <summary>The inverse of each square matrix (<see cref="torch.linalg.inv"/>).</summary>
        public Tensor inverse() => Linalg.Inv(this);

        /// <summary>The Cholesky factor (<see cref="torch.linalg.cholesky"/>).</summary>
        public Tensor cholesky(bool upper = false) => Linalg.Cholesky(this, upper);

        /// <summary>The n-th matrix power (<see cref="torch.linalg.matrix_power"/>).</summary>
        public Tensor matrix_power(long n) => Linalg.MatrixPower(this, n);

        /// <summary>The pseudo-inverse with rtol = <paramref name="rcond"/> (<see cref="torch.pinverse"/>).</summary>
        public Tensor pinverse(double rcond = 1e-15) => Linalg.Pinv(this, null, rcond, false);

        /// <summary>The cross product along <paramref name="dim"/>, or the first dim of length 3 (<see cref="torch.cross"/>).</summary>
        public Tensor cross(Tensor other, long? dim = null) => Linalg.Cross(this, other, dim ?? Linalg.DefaultCrossDim(this, other));
    }
}
