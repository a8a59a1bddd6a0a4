using System.Collections;
using System.Runtime.CompilerServices;

namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// PyTorch's <c>default_collate</c>: tensors are stacked along a new first dimension; C# integers
            /// become an int64 tensor, floating numbers a float64 tensor and bools a bool tensor (as Python's int,
            /// float and bool); strings stay a list; tuples, arrays and lists are collated position by position and
            /// dictionaries key by key.
            /// </summary>
            public static object default_collate(IReadOnlyList<object?> batch)
            {
                if (batch.Count == 0) throw new ArgumentException("default_collate: the batch is empty");
                var first = batch[0] ?? throw new ArgumentException("default_collate: batch must contain tensors, numbers, dicts or lists; found null");
                switch (first)
                {
                    case Tensor:
                        return stack(batch.Select(Element<Tensor>).ToArray());
                    case long or int or short or sbyte or byte or ushort or uint:
                        return tensor(batch.Select(e => Convert.ToInt64(Number(e))).ToArray());
                    case double or float or Half:
                        return tensor(batch.Select(e => Number(e) is Half h ? (double)h : Convert.ToDouble(e)).ToArray(), dtype: ScalarType.Float64);
                    case bool:
                        return tensor(batch.Select(Element<bool>).ToArray());
                    case string:
                        return batch.Select(Element<string>).ToList();
                    case ITuple tuple:
                        return CollateTuple(batch, tuple);
                    case IDictionary dict:
                        {
                            var result = new Dictionary<string, object>();
                            foreach (DictionaryEntry entry in dict)
                                result[(string)entry.Key] = default_collate(batch.Select(e => ((IDictionary)e!)[entry.Key]).ToList());
                            return result;
                        }
                    case IList list:
                        {
                            foreach (var e in batch)
                            {
                                if (((IList)e!).Count != list.Count) throw new InvalidOperationException("each element in list of batch should be of equal size");
                            }
                            var columns = new object[list.Count];
                            for (int k = 0; k < list.Count; k++) columns[k] = default_collate(batch.Select(e => ((IList)e!)[k]).ToList());
                            return first is Tensor[] ? columns.Cast<Tensor>().ToArray() : columns.ToList();
                        }
                    default:
                        throw new ArgumentException($"default_collate: batch must contain tensors, numbers, dicts or lists; found {first.GetType()}");
                }
            }

            /// <summary>Default collation of (tensor, tensor) samples: two stacked tensors.</summary>
            public static (Tensor, Tensor) default_collate(IReadOnlyList<(Tensor, Tensor)> batch) => ((Tensor, Tensor))default_collate(Boxed(batch));

            /// <summary>Default collation of (tensor, label) samples: the stacked tensors and an int64 label tensor.</summary>
            public static (Tensor, Tensor) default_collate(IReadOnlyList<(Tensor, long)> batch) => ((Tensor, Tensor))default_collate(Boxed(batch));

            /// <summary>Default collation of tensor samples: one stacked tensor.</summary>
            public static Tensor default_collate(IReadOnlyList<Tensor> batch) => stack(batch.ToArray());

            /// <summary>Default collation of tensor-array samples (<see cref="TensorDataset"/>): one stacked tensor per position.</summary>
            public static Tensor[] default_collate(IReadOnlyList<Tensor[]> batch) => (Tensor[])default_collate(Boxed(batch));

            /// <summary>Default collation of dictionary samples: one stacked tensor per key.</summary>
            public static Dictionary<string, Tensor> default_collate(IReadOnlyList<Dictionary<string, Tensor>> batch) =>
                ((Dictionary<string, object>)default_collate(Boxed(batch))).ToDictionary(kv => kv.Key, kv => (Tensor)kv.Value);

            private static object Number(object? e) => e is long or int or short or sbyte or byte or ushort or uint or double or float or Half ? e
                : throw new ArgumentException($"default_collate: every element of a batch must have the same type; expected a number, found {e?.GetType().Name ?? "null"}");

            private static List<object?> Boxed<T>(IReadOnlyList<T> batch) => batch.Select(e => (object?)e).ToList();

            private static T Element<T>(object? e) => e is T t ? t
                : throw new ArgumentException($"default_collate: every element of a batch must have the same type; expected {typeof(T).Name}, found {e?.GetType().Name ?? "null"}");

            // A ValueTuple of collated fields; the field types follow what each position collates to.
            // Collated fields are always reference types (tensors, lists, dictionaries, string lists), whose
            // ValueTuple instantiations share canonical code, which NativeAOT can instantiate at run time.
            [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Collated fields are reference types: shared canonical code.")]
            private static object CollateTuple(IReadOnlyList<object?> batch, ITuple first)
            {
                var fields = new object[first.Length];
                for (int k = 0; k < first.Length; k++)
                {
                    int position = k;
                    fields[k] = default_collate(batch.Select(e => e is ITuple t && t.Length == first.Length ? t[position]
                        : throw new InvalidOperationException("each element in list of batch should be of equal size")).ToList());
                }
                if (fields.Length is < 1 or > 7) throw new ArgumentException($"default_collate: tuples of {fields.Length} fields are not supported (1 to 7)");
                var open = fields.Length switch
                {
                    1 => typeof(ValueTuple<>), 2 => typeof(ValueTuple<,>), 3 => typeof(ValueTuple<,,>), 4 => typeof(ValueTuple<,,,>),
                    5 => typeof(ValueTuple<,,,,>), 6 => typeof(ValueTuple<,,,,,>), _ => typeof(ValueTuple<,,,,,,>),
                };
                var closed = open.MakeGenericType(fields.Select(f => f.GetType()).ToArray());
                return Activator.CreateInstance(closed, fields)!;
            }
        }
    }
}
